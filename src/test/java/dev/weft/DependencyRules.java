package dev.weft;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The allowed dependencies of docs/architecture.md as ArchUnit rules over the packages under one root
 * ({@code dev.weft} for the real code, a fixture root to prove the rules catch violations).
 *
 * <p>Each package may depend on itself, the JDK and the packages its arrow names. {@code crdt}
 * and {@code protocol} get {@code java.*} only; the packages that need TLS or Swing ({@code client},
 * {@code server}, {@code ui}) also get {@code javax.*}. Third-party libraries are allowed where
 * docs/architecture.md puts them: MapDB in {@code store}; Undertow and its XNIO layer in
 * {@code server}, and BouncyCastle (certificates and PEM files) in {@code server.security} only;
 * FlatLaf, RSyntaxTextArea and commonmark-java in {@code ui}; java-diff-utils (the text diff that
 * turns an {@code .md} edited by another program into CRDT ops) in {@code vault} only. Beyond its
 * arrow, {@code vault} may use the pure file and name formats of {@code protocol}:
 * {@code StructureFile} (with its {@code Header}), {@code CorruptStructureException} and
 * {@code NoteNames}, a deliberate widening of docs/architecture.md's {@code vault -> crdt}; never the
 * message codec or a message. Every rule allows an empty package, so packages not written yet do
 * not fail the build.
 */
final class DependencyRules {
    private static final String JAVA = "java..";
    private static final String JAVAX = "javax..";
    private static final String BOUNCY_CASTLE = "org.bouncycastle..";
    private static final String DIFF_UTILS = "com.github.difflib..";
    /** Classes that open or wrap network connections; {@code protocol} works on byte buffers only. */
    private static final String SOCKETS = "java\\.net\\.(\\w*Socket\\w*|http\\..*)"
            + "|java\\.nio\\.channels\\.(\\w*Socket\\w*|\\w*DatagramChannel|\\w*Selector\\w*|spi\\..*)"
            + "|javax\\.net\\..*";

    private final String root;

    DependencyRules(String root) {
        this.root = root;
    }

    ArchRule crdt() {
        return only("crdt", JAVA);
    }

    ArchRule protocol() {
        return only("protocol", JAVA, pkg("crdt"));
    }

    ArchRule store() {
        return only("store", JAVA, pkg("crdt"), "org.mapdb..");
    }

    /**
     * {@code vault -> crdt}, the diff library, and from {@code protocol} only the pure byte and name
     * formats a vault's files need: {@code StructureFile} (with its {@code Header} and
     * {@code CorruptStructureException}) and {@code NoteNames}. Never the message codec or a message.
     */
    ArchRule vault() {
        String protocol = root + ".protocol.";
        return only("vault", List.of(protocol + "NoteNames", protocol + "StructureFile", protocol + "StructureFile$Header",
                protocol + "CorruptStructureException"), JAVA, pkg("crdt"), DIFF_UTILS);
    }

    ArchRule diffLibraryOnlyInVault() {
        return noClasses().that().resideOutsideOfPackage(pkg("vault"))
                .should().dependOnClassesThat().resideInAPackage(DIFF_UTILS)
                .allowEmptyShould(true)
                .because("turning other programs' edits of .md files into ops is vault's business alone");
    }

    ArchRule client() {
        return only("client", JAVA, JAVAX, pkg("vault"), pkg("protocol"), pkg("crdt"));
    }

    /** The WebSocket client under {@code client}: the JDK only (no Undertow, XNIO or Weft code). */
    ArchRule clientWebSocket() {
        return only("client.ws", JAVA, JAVAX);
    }

    ArchRule server() {
        return only("server", JAVA, JAVAX, pkg("store"), pkg("protocol"), pkg("crdt"),
                "io.undertow..", "org.xnio..", BOUNCY_CASTLE);
    }

    ArchRule bouncyCastleOnlyInServerSecurity() {
        return noClasses().that().resideOutsideOfPackage(pkg("server.security"))
                .should().dependOnClassesThat().resideInAPackage(BOUNCY_CASTLE)
                .allowEmptyShould(true)
                .because("certificates and PEM files are server.security's business alone");
    }

    ArchRule ui() {
        return only("ui", JAVA, JAVAX, pkg("client"), pkg("vault"), pkg("crdt"),
                "com.formdev.flatlaf..", "org.fife..", "org.commonmark..");
    }

    ArchRule uiNeverReachesTheServerSide() {
        return noClasses().that().resideInAPackage(pkg("ui"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("server"), pkg("store"),
                        "io.undertow..", "org.mapdb..")
                .allowEmptyShould(true);
    }

    ArchRule mapDbLivesOnlyInStore() {
        return noClasses().that().resideOutsideOfPackage(pkg("store"))
                .should().dependOnClassesThat().resideInAPackage("org.mapdb..")
                .allowEmptyShould(true)
                .because("docs/architecture.md: MapDB lives only in store");
    }

    ArchRule serverAndClientNeverReachTheUi() {
        return noClasses().that().resideInAnyPackage(pkg("server"), pkg("client"))
                .should().dependOnClassesThat().resideInAPackage(pkg("ui"))
                .allowEmptyShould(true);
    }

    ArchRule protocolNeverTouchesSockets() {
        return noClasses().that().resideInAPackage(pkg("protocol"))
                .should().dependOnClassesThat().haveNameMatching(SOCKETS)
                .allowEmptyShould(true);
    }

    ArchRule onlyAppDependsOnApp() {
        return noClasses().that().resideOutsideOfPackage(pkg("app"))
                .should().dependOnClassesThat().resideInAPackage(pkg("app"))
                .allowEmptyShould(true);
    }

    private ArchRule only(String name, String... allowed) {
        return only(name, List.of(), allowed);
    }

    /** {@code name} may use itself, the {@code allowed} packages and the {@code classes} named. */
    private ArchRule only(String name, List<String> classes, String... allowed) {
        List<String> packages = new ArrayList<>(Arrays.asList(allowed));
        packages.add(pkg(name));
        DescribedPredicate<JavaClass> permitted = resideInAnyPackage(packages.toArray(String[]::new));
        for (String type : classes) {
            permitted = permitted.or(name(type));
        }
        List<String> arrow = new ArrayList<>(Arrays.asList(allowed));
        arrow.addAll(classes);
        return classes().that().resideInAPackage(pkg(name))
                .should().onlyDependOnClassesThat(permitted)
                .allowEmptyShould(true)
                .because("docs/architecture.md allows " + name + " -> " + String.join(", ", arrow));
    }

    private String pkg(String name) {
        return root + "." + name + "..";
    }
}
