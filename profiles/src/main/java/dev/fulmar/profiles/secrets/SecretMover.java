package dev.fulmar.profiles.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves secrets found in an imported file into a {@link SecretStore}, then wipes them. When the
 * store cannot keep them, the secret is dropped (never written elsewhere) and the outcome says the
 * user will be asked each time.
 */
public final class SecretMover {
  private SecretMover() {}

  /** Where one secret went. */
  public record Outcome(SecretKind kind, boolean stored, String message) {}

  /**
   * What {@link #moveAll} would do with each secret of {@code bundle}, for a dry run: nothing is
   * stored, the bundle is left as it is, the messages say "would".
   */
  public static List<Outcome> preview(SecretBundle bundle, SecretStore store) {
    SecretStore.Availability a = store.availability();
    return bundle.kinds().stream()
        .sorted()
        .map(
            kind ->
                a.available()
                    ? new Outcome(
                        kind,
                        true,
                        "the "
                            + kind.description()
                            + " from the file would be saved in "
                            + a.description()
                            + " and removed from the profile")
                    : new Outcome(
                        kind,
                        false,
                        "the "
                            + kind.description()
                            + " from the file would not be kept: no keychain is available ("
                            + a.description()
                            + "); you will be asked for it each time you connect"))
        .toList();
  }

  /** Moves every secret of {@code bundle} into {@code store} for the profile; wipes the bundle. */
  public static List<Outcome> moveAll(SecretBundle bundle, SecretStore store, UUID profileId) {
    List<Outcome> out = new ArrayList<>();
    try (bundle) {
      for (SecretKind kind : bundle.kinds()) {
        char[] value = bundle.get(kind);
        try {
          store.put(profileId, kind, value);
          out.add(
              new Outcome(
                  kind,
                  true,
                  "the "
                      + kind.description()
                      + " from the file was saved in "
                      + store.availability().description()
                      + " and removed from the profile"));
        } catch (SecretStoreException e) {
          out.add(
              new Outcome(
                  kind,
                  false,
                  "the "
                      + kind.description()
                      + " from the file was not kept: "
                      + e.getMessage()
                      + "; you will be asked for it each time you connect"));
        } finally {
          java.util.Arrays.fill(value, '\0');
        }
      }
    }
    return out;
  }
}
