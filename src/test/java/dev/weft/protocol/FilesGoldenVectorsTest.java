package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vectors of docs/protocol.md §11, the files (ext), and what their decoders refuse. */
class FilesGoldenVectorsTest {
    static final String HELLO = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    static final String WORLD = "486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7";
    static final String HELLOWORLD = "936a185caaa266bb9cbe981e9e05cb78cd732b0b3280eb944412bb6f8f8f07af";
    static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final long T0 = 1_700_000_000_000_000L;
    private static final long MTIME = 1_700_000_000_000L;
    private static final List<FileChunk> CHUNKS = List.of(new FileChunk(sha("hello"), 5), new FileChunk(sha("world"), 5));

    @Test
    void digestsAreThoseOfTheirBytes() {
        assertThat(sha("hello").hex()).isEqualTo(HELLO);
        assertThat(sha("helloworld").hex()).isEqualTo(HELLOWORLD);
        assertThat(Sha256.EMPTY).isEqualTo(sha(""));
        assertThat(Sha256.parseHex(HELLO)).contains(sha("hello"));
        assertThat(Sha256.parseHex(HELLO.toUpperCase())).isEmpty();
        assertThat(Sha256.parseHex(HELLO.substring(1))).isEmpty();
    }

    @Test
    void commit() throws Exception {
        byte[] bytes = Hex.bytes(
                "696d672f612e706e670a",                 // [u8] path\n: img/a.png
                "0000000000000000",                     // u64 base: never had it
                "00",                                   // u8 flags
                "000000000000000a",                     // u64 size 10
                HELLOWORLD,                             // SHA-256 of helloworld
                "0000018bcfe56800",                     // u64 modified, ms
                "00000002",                             // u32 chunk_count
                HELLO, "00000005", WORLD, "00000005");  // per chunk: hash, u32 length
        FileCommit commit = new FileCommit("img/a.png", 0, false, 10, sha("helloworld"), MTIME, CHUNKS);
        assertThat(FileCodec.encode(commit)).isEqualTo(bytes);
        assertThat(FileCodec.decodeCommit(bytes)).isEqualTo(commit);

        byte[] deletion = Hex.bytes("696d672f612e706e670a", "00060a24181e4000", "01", "0000000000000000", EMPTY,
                "0000018bcfe56800", "00000000");
        assertThat(FileCodec.encode(FileCommit.deletion("img/a.png", T0, MTIME))).isEqualTo(deletion);
        assertThat(FileCodec.decodeCommit(deletion)).isEqualTo(FileCommit.deletion("img/a.png", T0, MTIME));
    }

    @Test
    void entryAndList() throws Exception {
        byte[] entry = Hex.bytes(
                "00060a24181e4000",                     // u64 version: T0
                "696d672f612e706e670a",                 // img/a.png
                "00", "000000000000000a", HELLOWORLD, "0000018bcfe56800",
                "6c6170746f700a",                       // [u8] device_name\n: laptop
                "00000002", HELLO, "00000005", WORLD, "00000005");
        byte[] deleted = Hex.bytes("00060a24181e4001", "696d672f612e706e670a", "01", "0000000000000000", EMPTY,
                "0000018bcfe56800", "70686f6e650a", "00000000");
        FileEntry first = new FileCommit("img/a.png", 0, false, 10, sha("helloworld"), MTIME, CHUNKS).entry(T0, "laptop");
        FileEntry second = FileCommit.deletion("img/a.png", T0, MTIME).entry(T0 + 1, "phone");
        assertThat(FileCodec.encode(first)).isEqualTo(entry);
        assertThat(FileCodec.decodeEntry(entry)).isEqualTo(first);

        byte[] list = Hex.bytes("00000002", Hex.of(entry), Hex.of(deleted));
        FileList expected = new FileList(List.of(first, second));
        assertThat(FileCodec.encode(expected)).isEqualTo(list);
        assertThat(FileCodec.decodeList(list)).isEqualTo(expected);
        assertThat(FileCodec.decodeList(Hex.bytes("00000000"))).isEqualTo(new FileList(List.of()));
    }

    @Test
    void hashes() throws Exception {
        byte[] bytes = Hex.bytes(HELLO, WORLD);
        assertThat(FileCodec.encodeHashes(List.of(sha("hello"), sha("world")))).isEqualTo(bytes);
        assertThat(FileCodec.decodeHashes(bytes)).containsExactly(sha("hello"), sha("world"));
        assertThat(FileCodec.decodeHashes(new byte[0])).isEmpty();
    }

    @Test
    void filesChanged() throws Exception {
        MessageCodec codec = new MessageCodec();
        byte[] bytes = Hex.bytes("2a", "00060a24181e4000");
        assertThat(codec.decodeFrame(bytes)).containsExactly(new FilesChanged(T0));
        assertThat(codec.encode(new FilesChanged(T0))).isEqualTo(bytes);
        assertThat(FileForm.isFiles(new FilesChanged(T0))).isTrue();
    }

    @Test
    void malformedBodiesAreRefused() {
        String commitHead = "696d672f612e706e670a 0000000000000000 00";
        // size not the sum of the chunk lengths
        refused(() -> FileCodec.decodeCommit(Hex.bytes(commitHead, "000000000000000b", HELLOWORLD, "0000018bcfe56800",
                "00000002", HELLO, "00000005", WORLD, "00000005")));
        // unknown flags
        refused(() -> FileCodec.decodeCommit(Hex.bytes("610a 0000000000000000 02 0000000000000000", EMPTY,
                "0000000000000000 00000000")));
        // a deleted file with content
        refused(() -> FileCodec.decodeCommit(Hex.bytes("610a 0000000000000000 01 0000000000000005", HELLO,
                "0000000000000000 00000001", HELLO, "00000005")));
        // an empty content whose digest is not that of no bytes
        refused(() -> FileCodec.decodeCommit(Hex.bytes("610a 0000000000000000 00 0000000000000000", HELLO,
                "0000000000000000 00000000")));
        // a chunk of 0 bytes, and one over 4 MiB
        refused(() -> FileCodec.decodeCommit(Hex.bytes("610a 0000000000000000 00 0000000000000000", EMPTY,
                "0000000000000000 00000001", HELLO, "00000000")));
        refused(() -> FileCodec.decodeCommit(Hex.bytes("610a 0000000000000000 00 0000000000400001", HELLO,
                "0000000000000000 00000001", HELLO, "00400001")));
        // chunk counts the bytes cannot hold, or over 65,536: refused before allocating
        refused(() -> FileCodec.decodeCommit(Hex.bytes("610a 0000000000000000 00 0000000000000005", HELLO,
                "0000000000000000 7fffffff")));
        refused(() -> FileCodec.decodeCommit(Hex.bytes("610a 0000000000000000 00 0000000000000005", HELLO,
                "0000000000000000 00010001")));
        // entries the bytes cannot hold, or over 4,096
        refused(() -> FileCodec.decodeList(Hex.bytes("00000003")));
        refused(() -> FileCodec.decodeList(Hex.bytes("00001001")));
        // a path with a control character, no path, trailing bytes, a cut body
        refused(() -> FileCodec.decodeCommit(Hex.bytes("61090a 0000000000000000 00 0000000000000000", EMPTY,
                "0000000000000000 00000000")));
        refused(() -> FileCodec.decodeCommit(Hex.bytes("0a 0000000000000000 00 0000000000000000", EMPTY,
                "0000000000000000 00000000")));
        refused(() -> FileCodec.decodeList(Hex.bytes("00000000 00")));
        refused(() -> FileCodec.decodeEntry(Hex.bytes("00060a24181e4000 610a 00")));
        // hashes: not whole, or too many
        refused(() -> FileCodec.decodeHashes(new byte[33]));
        refused(() -> FileCodec.decodeHashes(new byte[32 * (FileCodec.MAX_HASHES + 1)]));
    }

    @Test
    void recordsRefuseWhatTheWireCannotSay() {
        assertThatThrownBy(() -> new FileCommit("a", 0, false, 6, sha("hello"), 0, List.of(new FileChunk(sha("hello"), 5))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileChunk(sha("x"), FileChunk.MAX_BYTES + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileEntry(1, "a", false, 0, Sha256.EMPTY, 0, "", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private interface Decode {
        Object run() throws ProtocolException;
    }

    private static void refused(Decode decode) {
        assertThatThrownBy(decode::run).isInstanceOf(ProtocolException.class);
    }

    static Sha256 sha(String text) {
        try {
            return Sha256.ofDigest(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
