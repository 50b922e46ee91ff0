import * as $protobuf from "protobufjs/light.js";
import Long = require("long");

/** Namespace qtk. */
export namespace qtk {

    /** Namespace artifact. */
    namespace artifact {

        /**
         * Properties of an Artifact.
         * @deprecated Use qtk.artifact.Artifact.$Properties instead.
         */
        interface IArtifact extends qtk.artifact.Artifact.$Properties {
        }

        /** Represents an Artifact. */
        class Artifact {

            /** Reflection-backed declarations are not constructable. Use Artifact.create(...) instead. */
            private constructor();

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Artifact kind. */
            kind: string;

            /** Artifact graph. */
            graph?: (qtk.artifact.Graph.$Properties|null);

            /** Artifact metadata. */
            metadata: { [k: string]: string };

            /** Artifact sections. */
            sections: { [k: string]: Uint8Array };

            /**
             * Creates a new Artifact instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Artifact instance
             */
            static create(properties: qtk.artifact.Artifact.$Shape): qtk.artifact.Artifact & qtk.artifact.Artifact.$Shape;
            static create(properties?: qtk.artifact.Artifact.$Properties): qtk.artifact.Artifact;

            /**
             * Encodes the specified Artifact message. Does not implicitly {@link qtk.artifact.Artifact.verify|verify} messages.
             * @param message Artifact message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: qtk.artifact.Artifact.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Artifact message, length delimited. Does not implicitly {@link qtk.artifact.Artifact.verify|verify} messages.
             * @param message Artifact message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: qtk.artifact.Artifact.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Artifact message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {qtk.artifact.Artifact & qtk.artifact.Artifact.$Shape} Artifact
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): qtk.artifact.Artifact & qtk.artifact.Artifact.$Shape;

            /**
             * Decodes an Artifact message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {qtk.artifact.Artifact & qtk.artifact.Artifact.$Shape} Artifact
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): qtk.artifact.Artifact & qtk.artifact.Artifact.$Shape;

            /**
             * Verifies an Artifact message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Artifact message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Artifact
             */
            static fromObject(object: { [k: string]: any }): qtk.artifact.Artifact;

            /**
             * Creates a plain object from an Artifact message. Also converts values to other types if specified.
             * @param message Artifact
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: qtk.artifact.Artifact, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Artifact to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Artifact
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Artifact {

            /** Properties of an Artifact. */
            interface $Properties {

                /** Artifact kind */
                kind?: (string|null);

                /** Artifact graph */
                graph?: (qtk.artifact.Graph.$Properties|null);

                /** Artifact metadata */
                metadata?: ({ [k: string]: string }|null);

                /** Artifact sections */
                sections?: ({ [k: string]: Uint8Array }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Artifact. */
            type $Shape = {
              kind?: string|null;
              graph?: qtk.artifact.Graph.$Shape|null;
              metadata?: { [k: string]: string }|null;
              sections?: { [k: string]: Uint8Array }|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a Graph.
         * @deprecated Use qtk.artifact.Graph.$Properties instead.
         */
        interface IGraph extends qtk.artifact.Graph.$Properties {
        }

        /** Represents a Graph. */
        class Graph {

            /** Reflection-backed declarations are not constructable. Use Graph.create(...) instead. */
            private constructor();

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Graph name. */
            name: string;

            /** Graph inputs. */
            inputs: qtk.artifact.ValueInfo.$Properties[];

            /** Graph constants. */
            constants: qtk.artifact.Constant.$Properties[];

            /** Graph nodes. */
            nodes: qtk.artifact.Node.$Properties[];

            /** Graph outputs. */
            outputs: string[];

            /** Graph metadata. */
            metadata: { [k: string]: string };

            /**
             * Creates a new Graph instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Graph instance
             */
            static create(properties: qtk.artifact.Graph.$Shape): qtk.artifact.Graph & qtk.artifact.Graph.$Shape;
            static create(properties?: qtk.artifact.Graph.$Properties): qtk.artifact.Graph;

            /**
             * Encodes the specified Graph message. Does not implicitly {@link qtk.artifact.Graph.verify|verify} messages.
             * @param message Graph message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: qtk.artifact.Graph.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Graph message, length delimited. Does not implicitly {@link qtk.artifact.Graph.verify|verify} messages.
             * @param message Graph message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: qtk.artifact.Graph.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Graph message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {qtk.artifact.Graph & qtk.artifact.Graph.$Shape} Graph
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): qtk.artifact.Graph & qtk.artifact.Graph.$Shape;

            /**
             * Decodes a Graph message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {qtk.artifact.Graph & qtk.artifact.Graph.$Shape} Graph
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): qtk.artifact.Graph & qtk.artifact.Graph.$Shape;

            /**
             * Verifies a Graph message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Graph message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Graph
             */
            static fromObject(object: { [k: string]: any }): qtk.artifact.Graph;

            /**
             * Creates a plain object from a Graph message. Also converts values to other types if specified.
             * @param message Graph
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: qtk.artifact.Graph, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Graph to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Graph
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Graph {

            /** Properties of a Graph. */
            interface $Properties {

                /** Graph name */
                name?: (string|null);

                /** Graph inputs */
                inputs?: (qtk.artifact.ValueInfo.$Properties[]|null);

                /** Graph constants */
                constants?: (qtk.artifact.Constant.$Properties[]|null);

                /** Graph nodes */
                nodes?: (qtk.artifact.Node.$Properties[]|null);

                /** Graph outputs */
                outputs?: (string[]|null);

                /** Graph metadata */
                metadata?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Graph. */
            type $Shape = {
              name?: string|null;
              inputs?: qtk.artifact.ValueInfo.$Shape[]|null;
              constants?: qtk.artifact.Constant.$Shape[]|null;
              nodes?: qtk.artifact.Node.$Shape[]|null;
              outputs?: string[]|null;
              metadata?: { [k: string]: string }|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a ValueInfo.
         * @deprecated Use qtk.artifact.ValueInfo.$Properties instead.
         */
        interface IValueInfo extends qtk.artifact.ValueInfo.$Properties {
        }

        /** Represents a ValueInfo. */
        class ValueInfo {

            /** Reflection-backed declarations are not constructable. Use ValueInfo.create(...) instead. */
            private constructor();

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ValueInfo name. */
            name: string;

            /** ValueInfo type. */
            type?: (qtk.artifact.TensorType.$Properties|null);

            /**
             * Creates a new ValueInfo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ValueInfo instance
             */
            static create(properties: qtk.artifact.ValueInfo.$Shape): qtk.artifact.ValueInfo & qtk.artifact.ValueInfo.$Shape;
            static create(properties?: qtk.artifact.ValueInfo.$Properties): qtk.artifact.ValueInfo;

            /**
             * Encodes the specified ValueInfo message. Does not implicitly {@link qtk.artifact.ValueInfo.verify|verify} messages.
             * @param message ValueInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: qtk.artifact.ValueInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ValueInfo message, length delimited. Does not implicitly {@link qtk.artifact.ValueInfo.verify|verify} messages.
             * @param message ValueInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: qtk.artifact.ValueInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ValueInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {qtk.artifact.ValueInfo & qtk.artifact.ValueInfo.$Shape} ValueInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): qtk.artifact.ValueInfo & qtk.artifact.ValueInfo.$Shape;

            /**
             * Decodes a ValueInfo message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {qtk.artifact.ValueInfo & qtk.artifact.ValueInfo.$Shape} ValueInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): qtk.artifact.ValueInfo & qtk.artifact.ValueInfo.$Shape;

            /**
             * Verifies a ValueInfo message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ValueInfo message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ValueInfo
             */
            static fromObject(object: { [k: string]: any }): qtk.artifact.ValueInfo;

            /**
             * Creates a plain object from a ValueInfo message. Also converts values to other types if specified.
             * @param message ValueInfo
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: qtk.artifact.ValueInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ValueInfo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ValueInfo
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ValueInfo {

            /** Properties of a ValueInfo. */
            interface $Properties {

                /** ValueInfo name */
                name?: (string|null);

                /** ValueInfo type */
                type?: (qtk.artifact.TensorType.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ValueInfo. */
            type $Shape = {
              name?: string|null;
              type?: qtk.artifact.TensorType.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a TensorType.
         * @deprecated Use qtk.artifact.TensorType.$Properties instead.
         */
        interface ITensorType extends qtk.artifact.TensorType.$Properties {
        }

        /** Represents a TensorType. */
        class TensorType {

            /** Reflection-backed declarations are not constructable. Use TensorType.create(...) instead. */
            private constructor();

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TensorType dtype. */
            dtype: string;

            /** TensorType shape. */
            shape: qtk.artifact.Dim.$Properties[];

            /**
             * Creates a new TensorType instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TensorType instance
             */
            static create(properties: qtk.artifact.TensorType.$Shape): qtk.artifact.TensorType & qtk.artifact.TensorType.$Shape;
            static create(properties?: qtk.artifact.TensorType.$Properties): qtk.artifact.TensorType;

            /**
             * Encodes the specified TensorType message. Does not implicitly {@link qtk.artifact.TensorType.verify|verify} messages.
             * @param message TensorType message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: qtk.artifact.TensorType.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TensorType message, length delimited. Does not implicitly {@link qtk.artifact.TensorType.verify|verify} messages.
             * @param message TensorType message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: qtk.artifact.TensorType.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TensorType message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {qtk.artifact.TensorType & qtk.artifact.TensorType.$Shape} TensorType
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): qtk.artifact.TensorType & qtk.artifact.TensorType.$Shape;

            /**
             * Decodes a TensorType message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {qtk.artifact.TensorType & qtk.artifact.TensorType.$Shape} TensorType
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): qtk.artifact.TensorType & qtk.artifact.TensorType.$Shape;

            /**
             * Verifies a TensorType message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TensorType message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TensorType
             */
            static fromObject(object: { [k: string]: any }): qtk.artifact.TensorType;

            /**
             * Creates a plain object from a TensorType message. Also converts values to other types if specified.
             * @param message TensorType
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: qtk.artifact.TensorType, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TensorType to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TensorType
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TensorType {

            /** Properties of a TensorType. */
            interface $Properties {

                /** TensorType dtype */
                dtype?: (string|null);

                /** TensorType shape */
                shape?: (qtk.artifact.Dim.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TensorType. */
            type $Shape = {
              dtype?: string|null;
              shape?: qtk.artifact.Dim.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a Dim.
         * @deprecated Use qtk.artifact.Dim.$Properties instead.
         */
        interface IDim extends qtk.artifact.Dim.$Properties {
        }

        /** Represents a Dim. */
        class Dim {

            /** Reflection-backed declarations are not constructable. Use Dim.create(...) instead. */
            private constructor();

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Dim size. */
            size?: (number|Long|null);

            /** Dim symbol. */
            symbol?: (string|null);

            /** Dim value. */
            value?: ("size"|"symbol");

            /**
             * Creates a new Dim instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Dim instance
             */
            static create(properties: qtk.artifact.Dim.$Shape): qtk.artifact.Dim & qtk.artifact.Dim.$Shape;
            static create(properties?: qtk.artifact.Dim.$Properties): qtk.artifact.Dim;

            /**
             * Encodes the specified Dim message. Does not implicitly {@link qtk.artifact.Dim.verify|verify} messages.
             * @param message Dim message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: qtk.artifact.Dim.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Dim message, length delimited. Does not implicitly {@link qtk.artifact.Dim.verify|verify} messages.
             * @param message Dim message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: qtk.artifact.Dim.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Dim message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {qtk.artifact.Dim & qtk.artifact.Dim.$Shape} Dim
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): qtk.artifact.Dim & qtk.artifact.Dim.$Shape;

            /**
             * Decodes a Dim message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {qtk.artifact.Dim & qtk.artifact.Dim.$Shape} Dim
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): qtk.artifact.Dim & qtk.artifact.Dim.$Shape;

            /**
             * Verifies a Dim message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Dim message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Dim
             */
            static fromObject(object: { [k: string]: any }): qtk.artifact.Dim;

            /**
             * Creates a plain object from a Dim message. Also converts values to other types if specified.
             * @param message Dim
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: qtk.artifact.Dim, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Dim to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Dim
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Dim {

            /** Properties of a Dim. */
            interface $Properties {

                /** Dim size */
                size?: (number|Long|null);

                /** Dim symbol */
                symbol?: (string|null);

                /** Dim value */
                value?: ("size"|"symbol");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Dim. */
            type $Shape = {
              size?: number|Long|null;
              symbol?: string|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ value?: undefined; size?: null; symbol?: null }|{ value?: "size"; size: number|Long; symbol?: null }|{ value?: "symbol"; size?: null; symbol: string })
            );
        }

        /**
         * Properties of a TensorData.
         * @deprecated Use qtk.artifact.TensorData.$Properties instead.
         */
        interface ITensorData extends qtk.artifact.TensorData.$Properties {
        }

        /** Represents a TensorData. */
        class TensorData {

            /** Reflection-backed declarations are not constructable. Use TensorData.create(...) instead. */
            private constructor();

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TensorData dtype. */
            dtype: string;

            /** TensorData shape. */
            shape: (number|Long)[];

            /** TensorData raw. */
            raw: Uint8Array;

            /**
             * Creates a new TensorData instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TensorData instance
             */
            static create(properties: qtk.artifact.TensorData.$Shape): qtk.artifact.TensorData & qtk.artifact.TensorData.$Shape;
            static create(properties?: qtk.artifact.TensorData.$Properties): qtk.artifact.TensorData;

            /**
             * Encodes the specified TensorData message. Does not implicitly {@link qtk.artifact.TensorData.verify|verify} messages.
             * @param message TensorData message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: qtk.artifact.TensorData.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TensorData message, length delimited. Does not implicitly {@link qtk.artifact.TensorData.verify|verify} messages.
             * @param message TensorData message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: qtk.artifact.TensorData.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TensorData message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {qtk.artifact.TensorData & qtk.artifact.TensorData.$Shape} TensorData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): qtk.artifact.TensorData & qtk.artifact.TensorData.$Shape;

            /**
             * Decodes a TensorData message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {qtk.artifact.TensorData & qtk.artifact.TensorData.$Shape} TensorData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): qtk.artifact.TensorData & qtk.artifact.TensorData.$Shape;

            /**
             * Verifies a TensorData message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TensorData message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TensorData
             */
            static fromObject(object: { [k: string]: any }): qtk.artifact.TensorData;

            /**
             * Creates a plain object from a TensorData message. Also converts values to other types if specified.
             * @param message TensorData
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: qtk.artifact.TensorData, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TensorData to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TensorData
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TensorData {

            /** Properties of a TensorData. */
            interface $Properties {

                /** TensorData dtype */
                dtype?: (string|null);

                /** TensorData shape */
                shape?: ((number|Long)[]|null);

                /** TensorData raw */
                raw?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TensorData. */
            type $Shape = qtk.artifact.TensorData.$Properties;
        }

        /**
         * Properties of a Constant.
         * @deprecated Use qtk.artifact.Constant.$Properties instead.
         */
        interface IConstant extends qtk.artifact.Constant.$Properties {
        }

        /** Represents a Constant. */
        class Constant {

            /** Reflection-backed declarations are not constructable. Use Constant.create(...) instead. */
            private constructor();

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Constant name. */
            name: string;

            /** Constant tensor. */
            tensor?: (qtk.artifact.TensorData.$Properties|null);

            /**
             * Creates a new Constant instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Constant instance
             */
            static create(properties: qtk.artifact.Constant.$Shape): qtk.artifact.Constant & qtk.artifact.Constant.$Shape;
            static create(properties?: qtk.artifact.Constant.$Properties): qtk.artifact.Constant;

            /**
             * Encodes the specified Constant message. Does not implicitly {@link qtk.artifact.Constant.verify|verify} messages.
             * @param message Constant message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: qtk.artifact.Constant.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Constant message, length delimited. Does not implicitly {@link qtk.artifact.Constant.verify|verify} messages.
             * @param message Constant message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: qtk.artifact.Constant.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Constant message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {qtk.artifact.Constant & qtk.artifact.Constant.$Shape} Constant
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): qtk.artifact.Constant & qtk.artifact.Constant.$Shape;

            /**
             * Decodes a Constant message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {qtk.artifact.Constant & qtk.artifact.Constant.$Shape} Constant
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): qtk.artifact.Constant & qtk.artifact.Constant.$Shape;

            /**
             * Verifies a Constant message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Constant message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Constant
             */
            static fromObject(object: { [k: string]: any }): qtk.artifact.Constant;

            /**
             * Creates a plain object from a Constant message. Also converts values to other types if specified.
             * @param message Constant
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: qtk.artifact.Constant, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Constant to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Constant
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Constant {

            /** Properties of a Constant. */
            interface $Properties {

                /** Constant name */
                name?: (string|null);

                /** Constant tensor */
                tensor?: (qtk.artifact.TensorData.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Constant. */
            type $Shape = qtk.artifact.Constant.$Properties;
        }

        /**
         * Properties of a Node.
         * @deprecated Use qtk.artifact.Node.$Properties instead.
         */
        interface INode extends qtk.artifact.Node.$Properties {
        }

        /** Represents a Node. */
        class Node {

            /** Reflection-backed declarations are not constructable. Use Node.create(...) instead. */
            private constructor();

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Node name. */
            name: string;

            /** Node op. */
            op: string;

            /** Node domain. */
            domain: string;

            /** Node inputs. */
            inputs: string[];

            /** Node outputs. */
            outputs: qtk.artifact.ValueInfo.$Properties[];

            /** Node attributes. */
            attributes: qtk.artifact.Attribute.$Properties[];

            /** Node annotations. */
            annotations: { [k: string]: string };

            /**
             * Creates a new Node instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Node instance
             */
            static create(properties: qtk.artifact.Node.$Shape): qtk.artifact.Node & qtk.artifact.Node.$Shape;
            static create(properties?: qtk.artifact.Node.$Properties): qtk.artifact.Node;

            /**
             * Encodes the specified Node message. Does not implicitly {@link qtk.artifact.Node.verify|verify} messages.
             * @param message Node message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: qtk.artifact.Node.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Node message, length delimited. Does not implicitly {@link qtk.artifact.Node.verify|verify} messages.
             * @param message Node message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: qtk.artifact.Node.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Node message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {qtk.artifact.Node & qtk.artifact.Node.$Shape} Node
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): qtk.artifact.Node & qtk.artifact.Node.$Shape;

            /**
             * Decodes a Node message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {qtk.artifact.Node & qtk.artifact.Node.$Shape} Node
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): qtk.artifact.Node & qtk.artifact.Node.$Shape;

            /**
             * Verifies a Node message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Node message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Node
             */
            static fromObject(object: { [k: string]: any }): qtk.artifact.Node;

            /**
             * Creates a plain object from a Node message. Also converts values to other types if specified.
             * @param message Node
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: qtk.artifact.Node, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Node to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Node
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Node {

            /** Properties of a Node. */
            interface $Properties {

                /** Node name */
                name?: (string|null);

                /** Node op */
                op?: (string|null);

                /** Node domain */
                domain?: (string|null);

                /** Node inputs */
                inputs?: (string[]|null);

                /** Node outputs */
                outputs?: (qtk.artifact.ValueInfo.$Properties[]|null);

                /** Node attributes */
                attributes?: (qtk.artifact.Attribute.$Properties[]|null);

                /** Node annotations */
                annotations?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Node. */
            type $Shape = {
              name?: string|null;
              op?: string|null;
              domain?: string|null;
              inputs?: string[]|null;
              outputs?: qtk.artifact.ValueInfo.$Shape[]|null;
              attributes?: qtk.artifact.Attribute.$Shape[]|null;
              annotations?: { [k: string]: string }|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of an Attribute.
         * @deprecated Use qtk.artifact.Attribute.$Properties instead.
         */
        interface IAttribute extends qtk.artifact.Attribute.$Properties {
        }

        /** Represents an Attribute. */
        class Attribute {

            /** Reflection-backed declarations are not constructable. Use Attribute.create(...) instead. */
            private constructor();

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Attribute name. */
            name: string;

            /** Attribute number. */
            number?: (number|null);

            /** Attribute text. */
            text?: (string|null);

            /** Attribute numbers. */
            numbers?: (qtk.artifact.NumberList.$Properties|null);

            /** Attribute texts. */
            texts?: (qtk.artifact.TextList.$Properties|null);

            /** Attribute tensor. */
            tensor?: (qtk.artifact.TensorData.$Properties|null);

            /** Attribute value. */
            value?: ("number"|"text"|"numbers"|"texts"|"tensor");

            /**
             * Creates a new Attribute instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Attribute instance
             */
            static create(properties: qtk.artifact.Attribute.$Shape): qtk.artifact.Attribute & qtk.artifact.Attribute.$Shape;
            static create(properties?: qtk.artifact.Attribute.$Properties): qtk.artifact.Attribute;

            /**
             * Encodes the specified Attribute message. Does not implicitly {@link qtk.artifact.Attribute.verify|verify} messages.
             * @param message Attribute message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: qtk.artifact.Attribute.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Attribute message, length delimited. Does not implicitly {@link qtk.artifact.Attribute.verify|verify} messages.
             * @param message Attribute message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: qtk.artifact.Attribute.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Attribute message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {qtk.artifact.Attribute & qtk.artifact.Attribute.$Shape} Attribute
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): qtk.artifact.Attribute & qtk.artifact.Attribute.$Shape;

            /**
             * Decodes an Attribute message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {qtk.artifact.Attribute & qtk.artifact.Attribute.$Shape} Attribute
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): qtk.artifact.Attribute & qtk.artifact.Attribute.$Shape;

            /**
             * Verifies an Attribute message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Attribute message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Attribute
             */
            static fromObject(object: { [k: string]: any }): qtk.artifact.Attribute;

            /**
             * Creates a plain object from an Attribute message. Also converts values to other types if specified.
             * @param message Attribute
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: qtk.artifact.Attribute, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Attribute to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Attribute
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Attribute {

            /** Properties of an Attribute. */
            interface $Properties {

                /** Attribute name */
                name?: (string|null);

                /** Attribute number */
                number?: (number|null);

                /** Attribute text */
                text?: (string|null);

                /** Attribute numbers */
                numbers?: (qtk.artifact.NumberList.$Properties|null);

                /** Attribute texts */
                texts?: (qtk.artifact.TextList.$Properties|null);

                /** Attribute tensor */
                tensor?: (qtk.artifact.TensorData.$Properties|null);

                /** Attribute value */
                value?: ("number"|"text"|"numbers"|"texts"|"tensor");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an Attribute. */
            type $Shape = {
              name?: string|null;
              number?: number|null;
              text?: string|null;
              numbers?: qtk.artifact.NumberList.$Shape|null;
              texts?: qtk.artifact.TextList.$Shape|null;
              tensor?: qtk.artifact.TensorData.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ value?: undefined; number?: null; text?: null; numbers?: null; texts?: null; tensor?: null }|{ value?: "number"; number: number; text?: null; numbers?: null; texts?: null; tensor?: null }|{ value?: "text"; number?: null; text: string; numbers?: null; texts?: null; tensor?: null }|{ value?: "numbers"; number?: null; text?: null; numbers: qtk.artifact.NumberList.$Shape; texts?: null; tensor?: null }|{ value?: "texts"; number?: null; text?: null; numbers?: null; texts: qtk.artifact.TextList.$Shape; tensor?: null }|{ value?: "tensor"; number?: null; text?: null; numbers?: null; texts?: null; tensor: qtk.artifact.TensorData.$Shape })
            );
        }

        /**
         * Properties of a NumberList.
         * @deprecated Use qtk.artifact.NumberList.$Properties instead.
         */
        interface INumberList extends qtk.artifact.NumberList.$Properties {
        }

        /** Represents a NumberList. */
        class NumberList {

            /** Reflection-backed declarations are not constructable. Use NumberList.create(...) instead. */
            private constructor();

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NumberList values. */
            values: number[];

            /**
             * Creates a new NumberList instance using the specified properties.
             * @param [properties] Properties to set
             * @returns NumberList instance
             */
            static create(properties: qtk.artifact.NumberList.$Shape): qtk.artifact.NumberList & qtk.artifact.NumberList.$Shape;
            static create(properties?: qtk.artifact.NumberList.$Properties): qtk.artifact.NumberList;

            /**
             * Encodes the specified NumberList message. Does not implicitly {@link qtk.artifact.NumberList.verify|verify} messages.
             * @param message NumberList message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: qtk.artifact.NumberList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified NumberList message, length delimited. Does not implicitly {@link qtk.artifact.NumberList.verify|verify} messages.
             * @param message NumberList message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: qtk.artifact.NumberList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NumberList message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {qtk.artifact.NumberList & qtk.artifact.NumberList.$Shape} NumberList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): qtk.artifact.NumberList & qtk.artifact.NumberList.$Shape;

            /**
             * Decodes a NumberList message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {qtk.artifact.NumberList & qtk.artifact.NumberList.$Shape} NumberList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): qtk.artifact.NumberList & qtk.artifact.NumberList.$Shape;

            /**
             * Verifies a NumberList message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a NumberList message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns NumberList
             */
            static fromObject(object: { [k: string]: any }): qtk.artifact.NumberList;

            /**
             * Creates a plain object from a NumberList message. Also converts values to other types if specified.
             * @param message NumberList
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: qtk.artifact.NumberList, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this NumberList to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for NumberList
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace NumberList {

            /** Properties of a NumberList. */
            interface $Properties {

                /** NumberList values */
                values?: (number[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NumberList. */
            type $Shape = qtk.artifact.NumberList.$Properties;
        }

        /**
         * Properties of a TextList.
         * @deprecated Use qtk.artifact.TextList.$Properties instead.
         */
        interface ITextList extends qtk.artifact.TextList.$Properties {
        }

        /** Represents a TextList. */
        class TextList {

            /** Reflection-backed declarations are not constructable. Use TextList.create(...) instead. */
            private constructor();

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TextList values. */
            values: string[];

            /**
             * Creates a new TextList instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TextList instance
             */
            static create(properties: qtk.artifact.TextList.$Shape): qtk.artifact.TextList & qtk.artifact.TextList.$Shape;
            static create(properties?: qtk.artifact.TextList.$Properties): qtk.artifact.TextList;

            /**
             * Encodes the specified TextList message. Does not implicitly {@link qtk.artifact.TextList.verify|verify} messages.
             * @param message TextList message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: qtk.artifact.TextList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TextList message, length delimited. Does not implicitly {@link qtk.artifact.TextList.verify|verify} messages.
             * @param message TextList message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: qtk.artifact.TextList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TextList message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {qtk.artifact.TextList & qtk.artifact.TextList.$Shape} TextList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): qtk.artifact.TextList & qtk.artifact.TextList.$Shape;

            /**
             * Decodes a TextList message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {qtk.artifact.TextList & qtk.artifact.TextList.$Shape} TextList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): qtk.artifact.TextList & qtk.artifact.TextList.$Shape;

            /**
             * Verifies a TextList message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TextList message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TextList
             */
            static fromObject(object: { [k: string]: any }): qtk.artifact.TextList;

            /**
             * Creates a plain object from a TextList message. Also converts values to other types if specified.
             * @param message TextList
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: qtk.artifact.TextList, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TextList to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TextList
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TextList {

            /** Properties of a TextList. */
            interface $Properties {

                /** TextList values */
                values?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TextList. */
            type $Shape = qtk.artifact.TextList.$Properties;
        }
    }
}

/** Reflected root namespace. */
declare const _default: $protobuf.Root;
export default _default;
