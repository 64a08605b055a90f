package dev.weft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {
    private static final Places PLACES = new Places(Path.of("/home/u/Weft"), Path.of("/home/u/.local/share/weft"),
            Path.of("/home/u/.config/weft"));

    private static Command parse(String... args) throws UsageException {
        return CommandLine.parse(List.of(args), PLACES);
    }

    @Test
    void noArgumentsOpensTheDesktopAppOnTheDefaultVault() throws UsageException {
        assertThat(parse()).isEqualTo(new Command.Gui(Optional.empty()));
    }

    @Test
    void vaultOpensTheDesktopAppOnThatFolder() throws UsageException {
        assertThat(parse("--vault", "notes")).isEqualTo(new Command.Gui(Optional.of(Path.of("notes"))));
        assertThat(parse("--vault=notes")).isEqualTo(new Command.Gui(Optional.of(Path.of("notes"))));
    }

    @Test
    void serverAloneTakesEveryDefault() throws UsageException {
        assertThat(parse("--server")).isEqualTo(new Command.Server(TopLevelLine.DEFAULT_PORT,
                PLACES.serverData(), TopLevelLine.DEFAULT_BIND, new Tls.SelfSigned()));
    }

    @Test
    void serverTakesEveryOptionInAnyOrder() throws UsageException {
        assertThat(parse("--port", "9000", "--server", "--data", "srv", "--bind=127.0.0.1",
                "--tls-key", "k.pem", "--tls-cert", "c.pem"))
                .isEqualTo(new Command.Server(9000, Path.of("srv"), "127.0.0.1",
                        new Tls.PemFiles(Path.of("c.pem"), Path.of("k.pem"))));
    }

    @Test
    void serverTakesAFileLimitWithAUnitAndKeptFileVersions() throws UsageException {
        assertThat(((Command.Server) parse("--server", "--file-limit", "500M", "--file-versions", "3")).files())
                .isEqualTo(new dev.weft.server.FileLimits(500L << 20, 3));
        assertThat(((Command.Server) parse("--server", "--file-limit=4096")).files().maxFileBytes()).isEqualTo(4096);
        assertThat(((Command.Server) parse("--server")).files()).isEqualTo(dev.weft.server.FileLimits.DEFAULT);
        assertThatThrownBy(() -> parse("--server", "--file-limit", "2T")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--file-limit takes a size in bytes, or with K, M or G");
        assertThatThrownBy(() -> parse("--file-limit", "2G")).isInstanceOf(UsageException.class)
                .hasMessageContaining("only applies to --server");
    }

    @Test
    void serverPortsAtBothEndsOfTheRangeAreAccepted() throws UsageException {
        assertThat(((Command.Server) parse("--server", "--port", "1")).port()).isEqualTo(1);
        assertThat(((Command.Server) parse("--server", "--port", "65535")).port()).isEqualTo(65535);
    }

    @Test
    void noTlsTurnsTlsOff() throws UsageException {
        assertThat(((Command.Server) parse("--server", "--no-tls", "--bind", "127.0.0.1")).tls())
                .isEqualTo(new Tls.Off());
        assertThat(((Command.Server) parse("--server", "--no-tls", "--bind", "::1")).tls()).isEqualTo(new Tls.Off());
    }

    @Test
    void insecureNoTlsTurnsTlsOffOnAnyAddress() throws UsageException {
        assertThat(((Command.Server) parse("--server", "--insecure-no-tls")).tls()).isEqualTo(new Tls.Off());
        assertThat(((Command.Server) parse("--server", "--no-tls", "--insecure-no-tls", "--bind", "192.0.2.7")).tls())
                .isEqualTo(new Tls.Off());
    }

    @Test
    void pairCodeDevicesAndRevokeUseTheServerDataFolder() throws UsageException {
        assertThat(parse("pair-code")).isEqualTo(new Command.PairCode(PLACES.serverData()));
        assertThat(parse("pair-code", "--data", "d")).isEqualTo(new Command.PairCode(Path.of("d")));
        assertThat(parse("devices")).isEqualTo(new Command.Devices(PLACES.serverData()));
        assertThat(parse("devices", "--data", "d")).isEqualTo(new Command.Devices(Path.of("d")));
        assertThat(parse("revoke", "old-phone")).isEqualTo(new Command.Revoke("old-phone", PLACES.serverData()));
        assertThat(parse("revoke", "--data", "d", "old-phone"))
                .isEqualTo(new Command.Revoke("old-phone", Path.of("d")));
        assertThat(parse("repair-store")).isEqualTo(new Command.RepairStore(PLACES.serverData()));
        assertThat(parse("repair-store", "--data", "d")).isEqualTo(new Command.RepairStore(Path.of("d")));
        assertThat(parse("backup", "b.zip")).isEqualTo(new Command.Backup(Path.of("b.zip"), PLACES.serverData()));
        assertThat(parse("backup", "--data", "d", "b.zip")).isEqualTo(new Command.Backup(Path.of("b.zip"), Path.of("d")));
    }

    @Test
    void restoreStartsTheServerOnTheNewDataDirItMakes() throws UsageException {
        assertThat(parse("--server", "--restore", "b.zip", "--data", "new", "--port", "9000"))
                .isEqualTo(new Command.RestoredServer(Path.of("b.zip"), new Command.Server(9000, Path.of("new"),
                        TopLevelLine.DEFAULT_BIND, new Tls.SelfSigned())));
    }

    @Test
    void syncTakesAVaultAPairingLinkAndWatch() throws UsageException {
        assertThat(parse("sync")).isEqualTo(new Command.Sync(PLACES.vault(), Optional.empty(), Optional.empty(), false,
                Command.HeldDecisions.NONE));
        String link = "weft://home.example:8443/pair?code=abc&fp=0123";
        assertThat(parse("sync", "--vault", "v", "--pair", link, "--watch"))
                .isEqualTo(new Command.Sync(Path.of("v"), Optional.of(link), Optional.empty(), true,
                        Command.HeldDecisions.NONE));
    }

    @Test
    void traceTakesAFileRunsAndJson() throws UsageException {
        assertThat(parse("trace", "t.json.gz")).isEqualTo(new Command.Trace(Path.of("t.json.gz"), CommandLine.DEFAULT_RUNS, false));
        assertThat(parse("trace", "--runs", "5", "t.json", "--json"))
                .isEqualTo(new Command.Trace(Path.of("t.json"), 5, true));
        assertThat(parse("trace", "t.json", "--runs", String.valueOf(CommandLine.MAX_RUNS)))
                .isEqualTo(new Command.Trace(Path.of("t.json"), CommandLine.MAX_RUNS, false));
    }

    @Test
    void helpAnywhereAsksForHelp() throws UsageException {
        assertThat(parse("--help")).isEqualTo(new Command.Help());
        assertThat(parse("-h")).isEqualTo(new Command.Help());
        assertThat(parse("trace", "--help")).isEqualTo(new Command.Help());
        assertThat(parse("--server", "--port", "nonsense", "-h")).isEqualTo(new Command.Help());
    }

    @Test
    void versionAloneShowsTheVersion() throws UsageException {
        assertThat(parse("--version")).isEqualTo(new Command.ShowVersion());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            frob                                  | unknown command 'frob'
            --frob                                | unknown option --frob for 'weft'
            -x                                    | unknown option -x for 'weft'
            --vault                               | --vault needs a value (DIR)
            --vault=                              | --vault needs a value (DIR)
            --vault --server                      | --vault needs a value (DIR)
            --vault a --vault b                   | --vault is given more than once
            --vault a extra                       | unexpected argument 'extra'
            --version --server                    | --version takes no other arguments
            --version=1                           | --version takes no value
            --port 9000                           | --port only applies to --server
            --data d                              | --data only applies to --server
            --bind 127.0.0.1                      | --bind only applies to --server
            --tls-cert c                          | --tls-cert only applies to --server
            --tls-key k                           | --tls-key only applies to --server
            --no-tls                              | --no-tls only applies to --server
            --restore b.zip                       | --restore only applies to --server
            --server --restore b.zip              | --restore needs --data NEWDIR: the new data dir to make from the backup
            backup                                | 'weft backup' needs the backup FILE to write
            --server --server                     | --server is given more than once
            --server --vault v                    | --vault does not apply to --server
            --server --port                       | --port needs a value (N)
            --server --port 0                     | --port must be a whole number from 1 to 65535, not '0'
            --server --port 65536                 | --port must be a whole number from 1 to 65535, not '65536'
            --server --port -1                    | --port must be a whole number from 1 to 65535, not '-1'
            --server --port http                  | --port must be a whole number from 1 to 65535, not 'http'
            --server --port 99999999999           | --port must be a whole number from 1 to 65535
            --server --bind                       | --bind needs a value (ADDR)
            --server --data                       | --data needs a value (DIR)
            --server --tls-cert c                 | --tls-cert and --tls-key go together: --tls-key is missing
            --server --tls-key k                  | --tls-cert and --tls-key go together: --tls-cert is missing
            --server --no-tls --tls-cert c        | --no-tls cannot be combined with --tls-cert or --tls-key
            --server --no-tls --tls-key k         | --no-tls cannot be combined with --tls-cert or --tls-key
            --server --no-tls=yes                 | --no-tls takes no value
            --server --no-tls                     | --no-tls refused on 0.0.0.0, which is not a loopback address
            --server --no-tls --bind 192.0.2.7    | --no-tls refused on 192.0.2.7, which is not a loopback address
            --server --insecure-no-tls --tls-key k | --insecure-no-tls cannot be combined with --tls-cert or --tls-key
            --insecure-no-tls                     | --insecure-no-tls only applies to --server
            --server --watch                      | unknown option --watch for 'weft'
            --server stray                        | unexpected argument 'stray'
            pair-code --data                      | --data needs a value (DIR)
            pair-code stray                       | unexpected argument 'stray'
            pair-code --port 1                    | unknown option --port for 'weft pair-code'
            devices --data                        | --data needs a value (DIR)
            devices stray                         | unexpected argument 'stray'
            devices --json                        | unknown option --json for 'weft devices'
            revoke                                | 'weft revoke' needs the NAME of a device
            revoke a b                            | unexpected argument 'b'
            revoke a --data                       | --data needs a value (DIR)
            revoke a --force                      | unknown option --force for 'weft revoke'
            sync stray                            | unexpected argument 'stray'
            sync --vault                          | --vault needs a value (DIR)
            sync --pair                           | --pair needs a value (LINK)
            sync --pair http://host/pair          | --pair needs a pairing link weft://
            sync --watch --watch                  | --watch is given more than once
            sync --data d                         | unknown option --data for 'weft sync'
            trace                                 | 'weft trace' needs a trace FILE
            trace a b                             | unexpected argument 'b'
            trace a --runs                        | --runs needs a value (N)
            trace a --runs 0                      | --runs must be a whole number from 1 to 1000, not '0'
            trace a --runs 1001                   | --runs must be a whole number from 1 to 1000, not '1001'
            trace a --runs many                   | --runs must be a whole number from 1 to 1000, not 'many'
            trace a --json=true                   | --json takes no value
            trace a --watch                       | unknown option --watch for 'weft trace'
            """)
    void badArgumentsSayWhatIsWrong(String args, String message) {
        assertThatThrownBy(() -> parse(args.split(" ")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aPathWithANulCharacterIsNotValid() {
        assertThatThrownBy(() -> parse("--vault", "a\0b"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--vault: 'a\0b' is not a valid path");
        assertThatThrownBy(() -> parse("trace", "a\0b"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("is not a valid path");
    }
}
