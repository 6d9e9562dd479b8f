/** Ids Slack sends back to Baton from retro and VOC surfaces, shared by the blocks that set them and the listeners. */

/** Message shortcut: save a message as VOC (manifest.yml). */
export const VOC_SHORTCUT = 'voc_save';
/** Message shortcut: turn a retro reply into an action item (manifest.yml). */
export const ACTION_ITEM_SHORTCUT = 'retro_action_item';
/** Button on a retro's parent message; value = the retro id. */
export const ADD_ACTION_ITEM_ACTION = 'retro_add_action_item';
