/**
 * {@code modelcards init}: the files of a new catalogue (content with an example card, site.yaml, a pom.xml using
 * the Maven plugin, the Pages workflow, .gitignore, a README), copied from the templates under
 * {@code io/modelcards/init/}. Uses the JDK only.
 */
package io.modelcards.init;
