package dev.weft.app;

import dev.weft.client.SyncClient;
import dev.weft.client.SyncException;
import dev.weft.client.SyncListener;
import dev.weft.client.SyncOptions;
import dev.weft.client.SyncState;
import dev.weft.protocol.PairingLink;
import dev.weft.vault.FileProblem;
import dev.weft.vault.HeldChange;
import dev.weft.vault.UnwrittenFile;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultListener;
import dev.weft.vault.VaultOptions;
import dev.weft.vault.WelcomeNote;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code weft sync --vault DIR [--pair LINK] [--name NAME] [--watch]}: pairs if asked, then syncs
 * the vault once and exits 0 when it is current (3 if changes were held back: too many notes' files gone
 * or erased at once; 4 if the server refused a rename made here; 1 if it
 * failed, or some notes' files could not be written: the rest is synced, each such note said), or with {@code --watch} keeps it in sync (edits
 * other programs make to the {@code .md} files included) until Ctrl-C or SIGTERM.
 */
final class SyncCommand {
    /** How long a one-shot sync may take, reconnects included, before it gives up. */
    static final Duration ONCE_TIMEOUT = Duration.ofMinutes(10);

    private final PrintStream out;
    private final PrintStream err;
    private final ShutdownHooks hooks;

    SyncCommand(PrintStream out, PrintStream err, ShutdownHooks hooks) {
        this.out = out;
        this.err = err;
        this.hooks = hooks;
    }

    int run(Command.Sync command) {
        if (!Files.isDirectory(command.vault()) && command.pairLink().isEmpty()) {
            // an unmounted drive: making an empty vault there would sync nothing, and hide why
            err.println("weft: no vault at " + command.vault() + " (the folder does not exist: a drive not mounted?);"
                    + " a new vault is not paired: pair it with --pair LINK");
            return Launcher.FAILED;
        }
        Vault vault;
        try {
            vault = Vault.open(command.vault(), VaultOptions.defaults());
        } catch (IOException e) {
            err.println("weft: cannot open the vault " + command.vault() + ": " + FileProblem.describe(e));
            return Launcher.FAILED;
        } catch (RuntimeException e) {
            err.println("weft: cannot open the vault " + command.vault() + ": " + e.getMessage());
            return Launcher.FAILED;
        }
        Set<String> said = ConcurrentHashMap.newKeySet();
        vault.addListener(new VaultListener() {
            @Override
            public void problem(String message) {
                if (command.watch() || said.add(message)) { // a write retried says the same again
                    err.println("weft: " + message);
                }
            }
        });
        SyncClient client = new SyncClient(vault, SyncOptions.defaults());
        try {
            Optional<UUID> welcome = Optional.empty(); // set aside: the account's comes instead, if it has one
            if (command.pairLink().isPresent()) {
                welcome = WelcomeNote.broughtAlong(vault);
                pair(client, vault, command);
                if (welcome.isPresent()) {
                    WelcomeNote.setAside(vault, welcome.get());
                }
            }
            decide(vault, command.decisions());
            return command.watch() ? watch(client, vault, welcome.isPresent()) : once(client, vault, welcome.isPresent(),
                    command.decisions().allowDeletes());
        } catch (SyncException e) {
            err.println("weft: " + e.getMessage());
            return Launcher.FAILED;
        } catch (IOException e) {
            err.println("weft: the vault " + command.vault() + " could not be written: " + e.getMessage());
            return Launcher.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Launcher.FAILED;
        } finally {
            if (!command.watch()) {
                client.close();
                closeQuietly(vault);
            }
        }
    }

    private void pair(SyncClient client, Vault vault, Command.Sync command) throws SyncException, IOException {
        PairingLink link;
        try {
            link = PairingLink.parse(command.pairLink().get());
        } catch (IllegalArgumentException e) {
            throw new SyncException("the pairing link is not valid: " + e.getMessage());
        }
        String name = client.pair(link, command.deviceName().orElseGet(SyncCommand::computerName));
        out.println("paired with " + link.host() + ":" + link.port() + " as " + name + " (site " + vault.device().site() + ")");
    }

    private int once(SyncClient client, Vault vault, boolean welcomeSetAside, boolean allowDeletes) throws SyncException, InterruptedException, IOException {
        long start = System.nanoTime();
        int copiedSite = vault.awaitingIdentity() ? vault.device().site() : 0;
        AtomicInteger refused = new AtomicInteger(); // each said on stderr by the vault's report
        client.addListener(new SyncListener() {
            @Override
            public void changeRefused(String message) {
                refused.incrementAndGet();
            }

            @Override
            public void storeRecovery(String message) {
                err.println("weft: " + message);
            }

            @Override
            public void connectionLost(String message) {
                err.println("weft: " + message + "; reconnecting");
            }
        });
        ProgressLine progress = ProgressLine.onTerminal() ? new ProgressLine(err, client.wireStats(), start) : null;
        if (progress != null) {
            client.addListener(progress);
            progress.start();
        }
        try {
            client.syncOnce(ONCE_TIMEOUT); // a failure's message is the exception's: printed once, by run()
            if (welcomeSetAside && WelcomeNote.ifTheAccountHasNone(vault).isPresent()) {
                client.syncOnce(ONCE_TIMEOUT);
            }
        } finally {
            if (progress != null) {
                client.removeListener(progress);
                progress.end();
            }
        }
        vault.flush();
        if (copiedSite != 0) {
            out.println("this folder is a copy of the vault of another device (site " + copiedSite
                    + "): it is now a device of its own, site " + vault.device().site());
        }
        long notes = vault.notes().stream().filter(n -> !n.trashed()).count();
        List<UnwrittenFile> unwritten = vault.unwrittenFiles(); // each said on stderr as it failed
        if (!unwritten.isEmpty()) {
            out.printf("synced with the server, but %d of %d notes in %s could not be written (%d ms; %s)%n",
                    unwritten.size(), notes, vault.folder(), (System.nanoTime() - start) / 1_000_000, client.wireStats());
            err.println("weft: " + unwritten.size() + (unwritten.size() == 1 ? " note's file" : " notes' files")
                    + " could not be written (" + unwritten.stream().limit(3).map(u -> "'" + u.name() + "'")
                    .collect(Collectors.joining(", ")) + (unwritten.size() > 3 ? ", …" : "")
                    + "): their text is safe in .weft and the next sync writes them once the problem is fixed");
            return Launcher.FAILED;
        }
        List<String> held = HeldLines.of(vault.heldChanges(), notes, vault.folder());
        if (!held.isEmpty()) { // the rest is in sync; the user decides on these
            held.forEach(line -> err.println("weft: " + line));
            return Launcher.HELD;
        }
        out.printf("in sync: %d notes in %s (%d ms; %s)%n", notes, vault.folder(),
                (System.nanoTime() - start) / 1_000_000, client.wireStats());
        int files = FilesStep.run(client, allowDeletes, out, err);
        if (files != Launcher.OK) {
            return files;
        }
        return refused.get() == 0 ? Launcher.OK : Launcher.REFUSED;
    }

    private int watch(SyncClient client, Vault vault, boolean welcomeSetAside) throws IOException, InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        hooks.onStop(() -> {
            client.close();
            closeQuietly(vault);
            stopped.countDown();
        });
        client.addListener(problemsTo(err));
        client.addListener(new SyncListener() {
            @Override
            public void stateChanged(SyncState state) {
                out.println("sync: " + state.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        if (welcomeSetAside) {
            client.addListener(new SyncListener() {
                @Override
                public void stateChanged(SyncState state) {
                    if (state == SyncState.SYNCED) {
                        client.removeListener(this);
                        CompletableFuture.runAsync(() -> { // off the client's thread: the new note goes to it
                            try {
                                WelcomeNote.ifTheAccountHasNone(vault);
                            } catch (IOException e) {
                                err.println("weft: could not add the welcome note: " + FileProblem.describe(e));
                            }
                        });
                    }
                }
            });
        }
        Runnable sayHeld = () -> {
            long notes = vault.notes().stream().filter(n -> !n.trashed()).count();
            HeldLines.of(vault.heldChanges(), notes, vault.folder()).forEach(line -> err.println("weft: " + line));
        };
        vault.addListener(new VaultListener() {
            @Override
            public void heldChanged() {
                sayHeld.run();
            }
        });
        sayHeld.run(); // held at open, before anyone listened
        vault.startWatching();
        client.start();
        out.println("watching " + vault.folder() + "; Ctrl-C stops");
        stopped.await();
        return Launcher.OK;
    }

    /** Settles the changes held back from an earlier scan or this open, as the flags say. */
    private void decide(Vault vault, Command.HeldDecisions decisions) throws IOException {
        List<HeldChange> before = vault.heldChanges();
        if (decisions.allowDeletes()) {
            vault.allowHeld(HeldChange.Kind.DELETED);
        }
        if (decisions.allowErasures()) {
            vault.allowHeld(HeldChange.Kind.ERASED);
        }
        if (decisions.restoreFiles()) {
            vault.restoreHeld(HeldChange.Kind.DELETED);
            vault.restoreHeld(HeldChange.Kind.ERASED);
        }
        List<HeldChange> after = vault.heldChanges();
        before.stream().filter(h -> !after.contains(h))
                .collect(Collectors.groupingBy(HeldChange::kind, Collectors.counting()))
                .forEach((kind, count) -> out.println(HeldLines.decided(kind, count, decisions)));
    }

    private static SyncListener problemsTo(PrintStream err) {
        return new SyncListener() {
            @Override
            public void problem(String message) {
                err.println("weft: " + message);
            }
        };
    }

    private void closeQuietly(Vault vault) {
        try {
            vault.close();
        } catch (IOException e) {
            err.println("weft: the vault could not be closed cleanly: " + e.getMessage());
        }
    }

    private static String computerName() {
        String env = System.getenv(System.getProperty("os.name", "").startsWith("Windows") ? "COMPUTERNAME" : "HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "device";
        }
    }
}
