package io.modelcards.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** modelcards' own version: the pom's, from the resource {@code io/modelcards/version.properties} that Maven filters. */
public final class Version implements IVersionProvider {
    private static final String RESOURCE = "io/modelcards/version.properties";

    /** The pom's version, such as {@code 0.1.0}; {@code unknown} when the resource was not filtered. */
    public static String current() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        String v = p.getProperty("version", "").strip();
        return v.isEmpty() || v.contains("${") ? "unknown" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"modelcards " + current()};
    }
}
