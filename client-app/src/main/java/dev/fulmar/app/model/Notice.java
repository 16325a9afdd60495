package dev.fulmar.app.model;

import java.util.List;

/**
 * A message for the user that is not the tunnel's state: a refused request, a saved file, a
 * forgotten password. Text is a bundle key plus arguments, so it shows in the current language.
 *
 * @param kind how it is shown
 * @param key the bundle key
 * @param args the key's {@code {0}}, {@code {1}}, … values
 * @param details extra lines (e.g. each problem the helper found in a profile)
 */
public record Notice(Kind kind, String key, List<String> args, List<String> details) {

  /** How a notice is shown. */
  public enum Kind {
    INFO,
    ERROR
  }

  public Notice {
    args = List.copyOf(args);
    details = List.copyOf(details);
  }

  public static Notice info(String key, String... args) {
    return new Notice(Kind.INFO, key, List.of(args), List.of());
  }

  public static Notice error(String key, String... args) {
    return new Notice(Kind.ERROR, key, List.of(args), List.of());
  }
}
