package dev.weft.vault.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes the {@code .md} file of a note (docs/protocol.md §6: UTF-8, {@code \n} line ends).
 *
 * <p>Reading is strict: a file that is not valid UTF-8 fails with {@link NotUtf8Exception} and is
 * never changed. A byte order mark is dropped, and {@code \r\n} and a lone {@code \r} become
 * {@code \n}, since the note text (the CRDT text every device shares) has {@code \n} line ends
 * only. Weft writes {@code \n}, UTF-8 without a mark: a file with {@code \r\n} keeps them until the
 * note's text changes, and is written with {@code \n} from then on ({@link FileText#lineEnds} tells
 * a caller which files that will be). Keeping {@code \r\n} would make the file's bytes differ from
 * the text every other device has, for every line, and needs a rule for mixed files; the protocol
 * chose {@code \n}.
 */
public final class MarkdownFiles {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The temporary files {@link #writeAtomically} makes: {@code .NAME.md.HEX.tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.md\\.[0-9a-f]{1,16}\\.tmp");

    /** The line ends a file had before they became {@code \n}. */
    public enum LineEnds {
        /** {@code \n} only, or no line end at all. */
        LF,
        /** {@code \r\n} only. */
        CRLF,
        /** Lone {@code \r}, or more than one kind. */
        MIXED
    }

    /** A note's text as read from its file, and what reading it changed. */
    public record FileText(String text, boolean hadBom, LineEnds lineEnds) {
    }

    /** Runs between writing the temporary file and renaming it over the note (a last check; a test's crash point). */
    interface BeforeMove {
        void run(Path temporary) throws IOException;
    }

    private MarkdownFiles() {
    }

    /** The note text of {@code file}. @throws NotUtf8Exception if it is not valid UTF-8 */
    public static String read(Path file) throws IOException {
        return readFile(file).text();
    }

    /** The note text of {@code file} and what reading changed. @throws NotUtf8Exception if not UTF-8 */
    public static FileText readFile(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file);
    }

    /** The note text of a file's bytes; {@code file} names it in the exception. */
    public static FileText decode(byte[] bytes, Path file) throws NotUtf8Exception {
        boolean bom = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
        ByteBuffer in = ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0));
        CharBuffer out = CharBuffer.allocate(in.remaining());
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            StringBuilder hex = new StringBuilder();
            for (int i = at; i < Math.min(bytes.length, at + Math.max(1, result.length())); i++) {
                hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02X", bytes[i] & 0xFF));
            }
            throw new NotUtf8Exception(file, at, hex.toString());
        }
        out.flip();
        return normalize(out.toString(), bom);
    }

    private static FileText normalize(String text, boolean bom) {
        int cr = text.indexOf('\r');
        if (cr < 0) {
            return new FileText(text, bom, LineEnds.LF);
        }
        StringBuilder sb = new StringBuilder(text.length());
        sb.append(text, 0, cr);
        boolean crlf = false;
        boolean other = text.lastIndexOf('\n', cr) >= 0;
        for (int i = cr; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                sb.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                    crlf = true;
                } else {
                    other = true;
                }
            } else {
                other |= c == '\n';
                sb.append(c);
            }
        }
        return new FileText(sb.toString(), bom, crlf && !other ? LineEnds.CRLF : LineEnds.MIXED);
    }

    /**
     * The bytes Weft writes for {@code text}: UTF-8, no byte order mark.
     *
     * @throws IllegalArgumentException if the text holds an unpaired surrogate
     */
    public static byte[] encode(String text) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text holds an unpaired surrogate", e);
        }
    }

    /**
     * Replaces {@code file} with {@code text} so that a crash leaves the old content or the new
     * one, never a mix: writes a hidden temporary file in the same folder, forces it to disk, renames
     * it over the file atomically, then forces the folder where the file system allows it. Creates
     * missing folders; keeps the POSIX permissions of the file it replaces (a new file gets the
     * process's defaults); writes through a symbolic link to its target; refuses a read-only file.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        writeAtomically(file, encode(text), temporary -> { });
    }

    static void writeAtomically(Path file, byte[] content, BeforeMove beforeMove) throws IOException {
        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Set<PosixFilePermission> permissions = null;
        if (Files.exists(target)) {
            if (!Files.isWritable(target)) {
                throw new AccessDeniedException(target.toString(), null, "read-only: Weft does not write over it");
            }
            if (Files.getFileStore(target).supportsFileAttributeView(PosixFileAttributeView.class)) {
                permissions = Files.getPosixFilePermissions(target);
            }
        }
        Path temporary = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                if (permissions != null) {
                    Files.setPosixFilePermissions(temporary, permissions);
                }
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            beforeMove.run(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(dir);
    }

    /** Whether {@code fileName} is one of {@link #writeAtomically}'s temporary files (a crash leaves them). */
    static boolean isTemporary(String fileName) {
        return TEMPORARY.matcher(fileName).matches();
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; there the rename is as durable as it gets.
        }
    }
}
