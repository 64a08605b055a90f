package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Keeps the allowed dependencies of docs/architecture.md true for the main code. */
@AnalyzeClasses(packages = "dev.weft", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final DependencyRules RULES = new DependencyRules("dev.weft");

    @ArchTest
    static final ArchRule crdtDependsOnTheJdkOnly = RULES.crdt();
    @ArchTest
    static final ArchRule protocolDependsOnCrdtOnly = RULES.protocol();
    @ArchTest
    static final ArchRule storeDependsOnCrdtAndMapDbOnly = RULES.store();
    @ArchTest
    static final ArchRule vaultDependsOnCrdtItsFileFormatsAndTheDiffLibraryOnly = RULES.vault();
    @ArchTest
    static final ArchRule diffLibraryStaysInVault = RULES.diffLibraryOnlyInVault();
    @ArchTest
    static final ArchRule clientDependsOnVaultProtocolAndCrdtOnly = RULES.client();
    @ArchTest
    static final ArchRule clientWebSocketDependsOnTheJdkOnly = RULES.clientWebSocket();
    @ArchTest
    static final ArchRule serverDependsOnStoreProtocolCrdtAndUndertowOnly = RULES.server();
    @ArchTest
    static final ArchRule bouncyCastleStaysInServerSecurity = RULES.bouncyCastleOnlyInServerSecurity();
    @ArchTest
    static final ArchRule uiDependsOnClientVaultCrdtAndItsLibrariesOnly = RULES.ui();
    @ArchTest
    static final ArchRule uiNeverReachesTheServerSide = RULES.uiNeverReachesTheServerSide();
    @ArchTest
    static final ArchRule mapDbLivesOnlyInStore = RULES.mapDbLivesOnlyInStore();
    @ArchTest
    static final ArchRule serverAndClientNeverReachTheUi = RULES.serverAndClientNeverReachTheUi();
    @ArchTest
    static final ArchRule protocolNeverTouchesSockets = RULES.protocolNeverTouchesSockets();
    @ArchTest
    static final ArchRule onlyAppDependsOnApp = RULES.onlyAppDependsOnApp();

    @Test
    void theRulesSeeTheMainCode() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.weft");
        assertThat(main.contain("dev.weft.crdt.Pid")).isTrue();
        assertThat(main.contain("dev.weft.app.Main")).isTrue();
    }
}
