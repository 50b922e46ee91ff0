/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/light.js";

const $root = ($protobuf.roots["default"] || ($protobuf.roots["default"] = new $protobuf.Root()))
.addJSON({
  "qtk": {
    "nested": {
      "artifact": {
        "nested": {
          "Artifact": {
            "fields": {
              "kind": {
                "type": "string",
                "id": 1
              },
              "graph": {
                "type": "Graph",
                "id": 2
              },
              "metadata": {
                "keyType": "string",
                "type": "string",
                "id": 3
              },
              "sections": {
                "keyType": "string",
                "type": "bytes",
                "id": 4
              }
            }
          },
          "Graph": {
            "fields": {
              "name": {
                "type": "string",
                "id": 1
              },
              "inputs": {
                "rule": "repeated",
                "type": "ValueInfo",
                "id": 2
              },
              "constants": {
                "rule": "repeated",
                "type": "Constant",
                "id": 3
              },
              "nodes": {
                "rule": "repeated",
                "type": "Node",
                "id": 4
              },
              "outputs": {
                "rule": "repeated",
                "type": "string",
                "id": 5
              },
              "metadata": {
                "keyType": "string",
                "type": "string",
                "id": 6
              }
            }
          },
          "ValueInfo": {
            "fields": {
              "name": {
                "type": "string",
                "id": 1
              },
              "type": {
                "type": "TensorType",
                "id": 2
              }
            }
          },
          "TensorType": {
            "fields": {
              "dtype": {
                "type": "string",
                "id": 1
              },
              "shape": {
                "rule": "repeated",
                "type": "Dim",
                "id": 2
              }
            }
          },
          "Dim": {
            "oneofs": {
              "value": {
                "oneof": [
                  "size",
                  "symbol"
                ]
              }
            },
            "fields": {
              "size": {
                "type": "int64",
                "id": 1
              },
              "symbol": {
                "type": "string",
                "id": 2
              }
            }
          },
          "TensorData": {
            "fields": {
              "dtype": {
                "type": "string",
                "id": 1
              },
              "shape": {
                "rule": "repeated",
                "type": "int64",
                "id": 2
              },
              "raw": {
                "type": "bytes",
                "id": 3
              }
            }
          },
          "Constant": {
            "fields": {
              "name": {
                "type": "string",
                "id": 1
              },
              "tensor": {
                "type": "TensorData",
                "id": 2
              }
            }
          },
          "Node": {
            "fields": {
              "name": {
                "type": "string",
                "id": 1
              },
              "op": {
                "type": "string",
                "id": 2
              },
              "domain": {
                "type": "string",
                "id": 3
              },
              "inputs": {
                "rule": "repeated",
                "type": "string",
                "id": 4
              },
              "outputs": {
                "rule": "repeated",
                "type": "ValueInfo",
                "id": 5
              },
              "attributes": {
                "rule": "repeated",
                "type": "Attribute",
                "id": 6
              },
              "annotations": {
                "keyType": "string",
                "type": "string",
                "id": 7
              }
            }
          },
          "Attribute": {
            "oneofs": {
              "value": {
                "oneof": [
                  "number",
                  "text",
                  "numbers",
                  "texts",
                  "tensor"
                ]
              }
            },
            "fields": {
              "name": {
                "type": "string",
                "id": 1
              },
              "number": {
                "type": "double",
                "id": 2
              },
              "text": {
                "type": "string",
                "id": 3
              },
              "numbers": {
                "type": "NumberList",
                "id": 4
              },
              "texts": {
                "type": "TextList",
                "id": 5
              },
              "tensor": {
                "type": "TensorData",
                "id": 6
              }
            }
          },
          "NumberList": {
            "fields": {
              "values": {
                "rule": "repeated",
                "type": "double",
                "id": 1
              }
            }
          },
          "TextList": {
            "fields": {
              "values": {
                "rule": "repeated",
                "type": "string",
                "id": 1
              }
            }
          }
        }
      }
    }
  }
});
export const qtk = $root.get("qtk");

export {
  /**
   * Reflected root namespace.
   * @type {$protobuf.Root}
   */
  $root as default
};
