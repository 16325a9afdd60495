package dev.fulmar.profiles.codec;

import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.validate.Problem;
import java.util.List;

/**
 * What reading a {@code .vpn} document gave: the profile (null when there is any error), every
 * problem found (errors and warnings, located), and secrets the file carried (to be moved into the
 * keychain, never stored in the profile).
 */
public record ReadResult(Profile profile, List<Problem> problems, SecretBundle secrets) {

  public ReadResult {
    problems = List.copyOf(problems);
  }

  /** True when the profile can be used (there may still be warnings). */
  public boolean ok() {
    return profile != null;
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }
}
