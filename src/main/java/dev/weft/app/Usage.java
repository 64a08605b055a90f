package dev.weft.app;

import dev.weft.server.security.PairingCodes;

/** The text of {@code weft --help}: every command and option. */
final class Usage {
    static final String TEXT = """
            Weft: local-first Markdown notes, synced through your own server.

            Usage:
              weft                          open the desktop app on the default vault
              weft --vault DIR              open the desktop app on the vault in DIR
              weft --server [OPTIONS]       run the sync server until Ctrl-C or SIGTERM
                  --port N                  port to listen on, 1 to 65535 (default %d)
                  --data DIR                server data folder (default below)
                  --bind ADDR               address to listen on (default %s: all)
                  --tls-cert FILE --tls-key FILE
                                            PEM certificate chain and private key
                                            (default: a self-signed certificate that
                                            the server makes on first start)
                  --no-tls                  plain ws://, only with a loopback --bind
                                            (behind a TLS-terminating proxy)
                  --insecure-no-tls         plain ws:// on any --bind: pairing codes,
                                            tokens and notes cross the network in clear
                  --restore FILE            first make the new --data DIR from a backup
                                            that 'weft backup' wrote, then run on it
                  --trash-days N            delete notes in the trash for more than N
                                            days forever (default 30; 0: never)
                  --history-days N          forget text deleted more than N days ago
                                            (default 0: keep every note's history
                                            forever; the current text is never touched)
                  --file-limit SIZE         refuse files larger than SIZE bytes (K, M, G:
                                            500M; default 2G)
                  --file-versions N         keep the last N versions of each file
                                            (default 10)
              weft pair-code [--data DIR]   print a fresh pairing link from the running
                                            server (one device, within %d minutes)
              weft devices [--data DIR]     list the devices paired with the server
              weft revoke NAME [--data DIR] withdraw the access of paired device NAME
                                            and close its connections
              weft backup FILE [--data DIR] write a backup of the running server (notes,
                                            devices, TLS identity) to FILE, without
                                            stopping it
              weft repair-store [--data DIR]
                                            rebuild the stopped server's damaged store
                                            from what still reads; says what was lost
                                            and keeps the old file beside it
              weft compact-store [--data DIR]
                                            rewrite the stopped server's store file with
                                            only what it holds now: the text of notes
                                            deleted forever leaves the file's free space
              weft trash [--vault DIR]      list the trash: when, by which device, the
                                            batch (one action or one sync), the note
              weft trash restore NOTE... | --batch B | --all [--vault DIR]
                                            bring notes back from the trash
              weft trash purge NOTE... | --batch B | --all [--vault DIR]
                                            delete notes in the trash forever: the next
                                            sync removes their text and history from the
                                            server and every device
              weft history NOTE [--vault DIR]
                                            list the versions of a note the server keeps:
                                            number, time, devices, characters inserted
                                            and deleted (editing sessions: a pause of 5
                                            minutes starts a new version)
              weft history NOTE --at TIME [--vault DIR]
                                            print the note's text as of TIME: a version
                                            number from the list, or ISO-8601
                                            (2026-12-07T21:30:00Z, or a local
                                            2026-12-07T22:30)
              weft sync [--vault DIR] [--pair LINK] [--name NAME] [--watch]
                        [--allow-deletes] [--allow-erasures] [--restore-files]
                                            sync a vault without the window: once (exit
                                            0 when it is current), or until stopped with
                                            --watch, edits other programs make to the .md
                                            files included; --pair first pairs, as NAME
                                            (default: this computer's name), with a link
                                            from 'weft pair-code'. Too many notes' files
                                            gone or erased at once are held back (exit
                                            3): --allow-deletes trashes the gone notes on
                                            every device, --allow-erasures sends the
                                            erased text, --restore-files writes the files
                                            again from the vault's copy
              weft trace FILE [--runs N] [--json]
                                            replay an editing trace (josephg/editing-
                                            traces JSON, plain or gzip'd) through the
                                            CRDT, check its endContent, and report the
                                            median of N timed runs of replay, merge,
                                            encode and load (N: default %d, at most %d),
                                            pid depths and heap per atom; as one line
                                            of JSON with --json
              weft --help, -h               show this text
              weft --version                show the version

            An option's value follows it as the next argument or after '=' (--port=%d).

            The server prints where it listens and its certificate fingerprint;
            while no device has access, also a line 'pair: weft://...' with a
            pairing link (after that only pair-code prints one). pair-code,
            devices, revoke and backup ask the server running on that --data
            folder, through the socket control.sock in it, which only the user
            running the server can reach.

            Default places:
              vault        ~/Weft (the first start asks; the settings remember)
              server data  Linux: $XDG_DATA_HOME/weft-server
                                  (else ~/.local/share/weft-server)
                           macOS: ~/Library/Application Support/Weft Server
                           Windows: %%APPDATA%%\\Weft Server
              settings     Linux: $XDG_CONFIG_HOME/weft (else ~/.config/weft)
                           macOS: ~/Library/Application Support/Weft
                           Windows: %%APPDATA%%\\Weft
                           (also the devices' tokens, in devices/)

            Exit status: 0 done (the server: stopped cleanly), 1 failed (the server:
            could not start; revoke: no such device; sync: the vault could not be
            brought in sync, or some notes' files could not be written; trace: also
            a replay that does not end with endContent; history: the server could
            not be reached, or has no such note or version), 2 wrong arguments, 3 sync:
            in sync but for notes' files gone or erased at once, held back, 4 sync:
            in sync, but the server refused a rename made here (the note took back
            the server's name).
            """.formatted(TopLevelLine.DEFAULT_PORT, TopLevelLine.DEFAULT_BIND,
            PairingCodes.DEFAULT_LIFETIME.toMinutes(), CommandLine.DEFAULT_RUNS, CommandLine.MAX_RUNS,
            TopLevelLine.DEFAULT_PORT);

    private Usage() {
    }
}
