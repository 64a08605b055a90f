package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Shows on the fixtures in {@code dev.weft.archfixture} that each rule catches what it should. */
class DependencyRulesTest {
    private static final String ROOT = "dev.weft.archfixture";
    private static final DependencyRules RULES = new DependencyRules(ROOT);
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(ROOT);

    private static EvaluationResult check(ArchRule rule) {
        return rule.evaluate(FIXTURES);
    }

    private static String violations(ArchRule rule) {
        return String.join("\n", check(rule).getFailureReport().getDetails());
    }

    @Test
    void crdtMayNotUseALibraryButMayUsePrimitivesAndArrays() {
        assertThat(violations(RULES.crdt())).contains("UsesJackson").doesNotContain("Doc");
    }

    @Test
    void protocolMayNotTouchASocket() {
        assertThat(violations(RULES.protocolNeverTouchesSockets())).contains("java.net.Socket");
        assertThat(check(RULES.protocol()).hasViolation()).isFalse();
    }

    @Test
    void uiMayNotReachTheStore() {
        assertThat(violations(RULES.ui())).contains("ReachesStore");
        assertThat(violations(RULES.uiNeverReachesTheServerSide())).contains("ReachesStore");
    }

    @Test
    void serverMayNotReachTheUi() {
        assertThat(violations(RULES.server())).contains("ReachesUi");
        assertThat(violations(RULES.serverAndClientNeverReachTheUi())).contains("ReachesUi");
    }

    @Test
    void bouncyCastleIsAllowedInServerSecurityOnly() {
        assertThat(violations(RULES.bouncyCastleOnlyInServerSecurity()))
                .contains("ParsesPem").doesNotContain("SignsCertificates");
        assertThat(violations(RULES.server())).doesNotContain("ParsesPem").doesNotContain("SignsCertificates");
    }

    @Test
    void onlyStoreMayUseMapDb() {
        assertThat(violations(RULES.mapDbLivesOnlyInStore())).contains("UsesMapDb").doesNotContain("archfixture.store");
        assertThat(check(RULES.store()).hasViolation()).isFalse();
    }

    @Test
    void nothingButAppMayReachApp() {
        assertThat(violations(RULES.vault())).contains("ReachesApp");
        assertThat(violations(RULES.onlyAppDependsOnApp())).contains("ReachesApp");
    }

    @Test
    void vaultMayUseTheDiffLibraryItsFileFormatsAndNoOtherProtocolClass() {
        assertThat(violations(RULES.vault()))
                .contains("ReadsFrames").contains("UsesTheCodec")
                .doesNotContain("DiffsText").doesNotContain("ReadsStructureFiles")
                .doesNotContain("archfixture.protocol.NoteNames");
    }

    @Test
    void theDiffLibraryIsAllowedInVaultOnly() {
        assertThat(violations(RULES.diffLibraryOnlyInVault()))
                .contains("UsesDiffUtils").doesNotContain("DiffsText");
    }

    @Test
    void clientMayUseCrdtAndTls() {
        assertThat(check(RULES.client()).hasViolation()).isFalse();
    }

    @Test
    void aPackageWithNoClassesYetPasses() {
        assertThat(check(new DependencyRules(ROOT + ".absent").crdt()).hasViolation()).isFalse();
    }
}
