/**
 * dockly (blessed). A containers table (every container) with the focus at start; the
 * selected row has a blue background. PATH may be its index.js (run with this node) or an
 * installed `dockly` executable. Application cursor keys.
 */
import {genericPeer} from './generic.mjs';

export default {...genericPeer('dockly')};
