package dev.weft.app.trace;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an editing trace file, gzip'd (recognised by its magic bytes {@code 1f 8b}, whatever the
 * file name) or plain JSON.
 */
public final class TraceReader {
    private static final int BUFFER = 1 << 16;

    private TraceReader() {
    }

    /**
     * Reads the trace in {@code file}.
     *
     * @throws TraceFormatException if the file is not a valid trace
     * @throws IOException if the file cannot be read
     */
    public static EditingTrace read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * Reads a trace from {@code in} to its end; the caller closes the stream.
     *
     * @throws TraceFormatException if the bytes are not a valid trace
     * @throws IOException if reading fails
     */
    public static EditingTrace read(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        try {
            InputStream body = isGzip(buffered) ? new GZIPInputStream(buffered, BUFFER) : buffered;
            return TraceParser.parse(body);
        } catch (ZipException | EOFException e) {
            throw new TraceFormatException("corrupt or truncated gzip data: " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }
}
