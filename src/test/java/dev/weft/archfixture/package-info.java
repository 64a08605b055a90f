/**
 * Tiny classes laid out like Weft's packages, some breaking docs/architecture.md's dependency rules on
 * purpose, so {@code DependencyRulesTest} can show that each rule catches what it should. Test
 * code only; never imported by anything else.
 */
package dev.weft.archfixture;
