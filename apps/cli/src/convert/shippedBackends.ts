/**
 * The backends that ship with qtk, registered in `backendRegistry` of `@qtk/backend` by importing
 * them: nash-e and nash-m (`@qtk/backend-nash-m`), nash-h and nash-p (`@qtk/backend-nash-h`).
 * Other backends come with `qtk convert --backend <package>`.
 */
import '@qtk/backend-nash-m';
import '@qtk/backend-nash-h';
