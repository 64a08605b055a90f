/**
 * The vault's attachments as the window sees them on disk (the files that sync,
 * {@link dev.weft.client.files.VaultFiles}). Where an image link of a note points ({@link dev.weft.ui.attach.ImagePaths}, pure),
 * where a pasted or dropped file goes and how the note links to it ({@link dev.weft.ui.attach.AttachmentFolder}).
 *
 * <p>No component lives here, and nothing here touches the network.
 */
package dev.weft.ui.attach;
