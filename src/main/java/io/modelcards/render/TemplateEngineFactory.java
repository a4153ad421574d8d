package io.modelcards.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * One Thymeleaf engine with cached templates: a user's --templates folder first (file by file, like a Hugo
 * theme override), then the templates bundled in the jar.
 */
final class TemplateEngineFactory {
    private TemplateEngineFactory() {}

    static TemplateEngine create(Path overrideDir) {
        TemplateEngine engine = new TemplateEngine();
        StandardDialect dialect = new StandardDialect();
        dialect.setVariableExpressionEvaluator(new TemplateExpressions()); // the common expressions without OGNL
        engine.setDialect(dialect);
        int order = 1;
        if (overrideDir != null && Files.isDirectory(overrideDir)) {
            FileTemplateResolver files = new FileTemplateResolver();
            files.setPrefix(overrideDir.toAbsolutePath() + "/");
            files.setSuffix(".html");
            files.setTemplateMode(TemplateMode.HTML);
            files.setCharacterEncoding("UTF-8");
            files.setCheckExistence(true);
            files.setCacheable(true);
            files.setOrder(order++);
            engine.addTemplateResolver(files);
        }
        ClassLoaderTemplateResolver bundled = new ClassLoaderTemplateResolver(TemplateEngineFactory.class.getClassLoader());
        bundled.setPrefix("templates/");
        bundled.setSuffix(".html");
        bundled.setTemplateMode(TemplateMode.HTML);
        bundled.setCharacterEncoding("UTF-8");
        bundled.setCacheable(true);
        bundled.setOrder(order);
        engine.addTemplateResolver(bundled);
        return engine;
    }

    /** Each template's text as the engine made by {@link #create} finds it: the override first, then the bundled one. */
    static TemplatePlan.Sources sources(Path overrideDir) {
        return name -> {
            try {
                if (overrideDir != null && Files.isDirectory(overrideDir)) {
                    Path file = Path.of(overrideDir.toAbsolutePath() + "/" + name + ".html");
                    if (Files.exists(file)) return Files.readString(file, StandardCharsets.UTF_8);
                }
                try (InputStream in = TemplateEngineFactory.class.getClassLoader()
                        .getResourceAsStream("templates/" + name + ".html")) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException | RuntimeException e) {
                return null; // no plan: Thymeleaf reads it, and reports what is wrong
            }
        };
    }
}
