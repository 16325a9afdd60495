package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.validate.Problem;
import java.util.List;

/**
 * The outcome of importing one file: the profile (null when the file could not be understood), the
 * report, every problem (errors stop the profile from being stored until fixed — e.g. a missing
 * user name the user can then type), and secrets found in the file (to be moved into the keychain
 * with {@link ProfileImporter#save}).
 */
public record ImportResult(
    Format format,
    Profile profile,
    ImportReport report,
    List<Problem> problems,
    SecretBundle secrets) {

  public ImportResult {
    problems = List.copyOf(problems);
  }

  /** True when the profile can be stored and used as is. */
  public boolean ok() {
    return profile != null && problems.stream().noneMatch(Problem::isError);
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }
}
