package dev.fulmar.app.settings;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.profiles.store.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Keeps {@link Settings} in {@code app.properties} in the user's Fulmar config directory (next to
 * the {@code profiles} directory). Writes are atomic (temporary file, flush to disk, rename), so a
 * crash leaves the old settings or the new ones. A damaged or hand-edited file never stops the
 * app: each unreadable value falls back to its default and is reported by {@link #problems()}.
 */
public final class SettingsStore {
  static final String FILE_NAME = "app.properties";
  private final Path file;
  private final List<String> problems = new ArrayList<>();

  public SettingsStore(Path configDir) {
    this.file = configDir.resolve(FILE_NAME);
  }

  /** The settings file. */
  public Path file() {
    return file;
  }

  /** What the last {@link #load()} could not read (empty when all was well). */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** The stored settings, or the defaults when there is no file yet. */
  public Settings load() {
    problems.clear();
    if (!Files.isRegularFile(file)) {
      return Settings.DEFAULTS;
    }
    Properties p = new Properties();
    try {
      if (Files.size(file) > 64 * 1024) {
        problems.add(file + " is too large; using the default settings");
        return Settings.DEFAULTS;
      }
      p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      problems.add("could not read " + file + " (" + e.getMessage() + "); using the defaults");
      return Settings.DEFAULTS;
    }
    Settings d = Settings.DEFAULTS;
    return new Settings(
        bool(p, "startAtLogin", d.startAtLogin()),
        bool(p, "connectOnStart", d.connectOnStart()),
        p.getProperty("lastProfile", d.lastProfile()).strip(),
        bool(p, "killSwitch", d.killSwitch()),
        bool(p, "allowLan", d.allowLan()),
        theme(p, d.theme()),
        language(p, d.language()));
  }

  /** Stores {@code s}, replacing the file atomically. */
  public void save(Settings s) throws IOException {
    TreeMap<String, String> values = new TreeMap<>();
    values.put("startAtLogin", Boolean.toString(s.startAtLogin()));
    values.put("connectOnStart", Boolean.toString(s.connectOnStart()));
    values.put("lastProfile", s.lastProfile());
    values.put("killSwitch", Boolean.toString(s.killSwitch()));
    values.put("allowLan", Boolean.toString(s.allowLan()));
    values.put("theme", s.theme().name().toLowerCase(Locale.ROOT));
    values.put("language", s.language());
    Properties p = new Properties();
    p.putAll(values);
    StringWriter w = new StringWriter();
    p.store(w, "Fulmar VPN app settings");
    AtomicFiles.write(file, w.toString().getBytes(StandardCharsets.UTF_8));
  }

  private boolean bool(Properties p, String key, boolean dflt) {
    String v = p.getProperty(key);
    if (v == null) {
      return dflt;
    }
    v = v.strip().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return v.equals("true");
    }
    problems.add(file + ": " + key + " = '" + v + "' is neither true nor false; using " + dflt);
    return dflt;
  }

  private Settings.Theme theme(Properties p, Settings.Theme dflt) {
    String v = p.getProperty("theme");
    if (v == null) {
      return dflt;
    }
    try {
      return Settings.Theme.valueOf(v.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(file + ": theme = '" + v.strip() + "' is not system, light or dark; using "
          + dflt.name().toLowerCase(Locale.ROOT));
      return dflt;
    }
  }

  private String language(Properties p, String dflt) {
    String v = p.getProperty("language");
    if (v == null) {
      return dflt;
    }
    v = v.strip();
    if (v.isEmpty() || Messages.LANGUAGES.contains(v)) {
      return v;
    }
    problems.add(file + ": language = '" + v + "' is not one Fulmar ships (" + Messages.LANGUAGES
        + "); using the system's language");
    return dflt;
  }
}
