package dev.weft.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The protocol package holds bytes only: the JDK's lang, util, io and nio, and the CRDT values. */
class ProtocolDependenciesTest {
    @Test
    void protocolDependsOnlyOnTheJdkAndCrdt() {
        JavaClasses protocol = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.weft.protocol");
        classes().that().resideInAPackage("dev.weft.protocol..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.weft.protocol..", "dev.weft.crdt..", "java.lang..", "java.util..", "java.io..",
                        "java.nio", "java.nio.charset..", "java.nio.file..", "java.nio.channels")
                .check(protocol);
        noClasses().that().resideInAPackage("dev.weft.protocol..")
                .should().dependOnClassesThat().haveSimpleNameContaining("Socket")
                .check(protocol);
    }
}
