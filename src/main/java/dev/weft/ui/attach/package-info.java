/**
 * The vault's attachments as the window sees them on disk: every file that is not a note and not
 * in a dot-folder. Where an image link of a note points ({@link dev.weft.ui.attach.ImagePaths}, pure),
 * where a pasted or dropped file goes and how the note links to it ({@link dev.weft.ui.attach.AttachmentFolder}),
 * the listing for the tree ({@link dev.weft.ui.attach.VaultFiles}).
 *
 * <p>No component lives here, and nothing here touches the network.
 */
package dev.weft.ui.attach;
