package dev.fulmar.profiles.store;

import dev.fulmar.profiles.validate.Problem;
import java.util.List;

/** A store operation was refused or failed; the message says why in plain words. */
public final class StoreException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the operation did not happen. */
  public enum Reason {
    /** The profile has errors; {@link #problems()} lists them. */
    INVALID,
    /** Another profile already has that name. */
    NAME_TAKEN,
    /** System profiles are read-only. */
    READ_ONLY,
    /** No such profile. */
    NOT_FOUND,
    /** The file system failed. */
    IO
  }

  private final Reason reason;
  private final transient List<Problem> problems;

  public StoreException(Reason reason, String message, List<Problem> problems, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.problems = List.copyOf(problems);
  }

  public StoreException(Reason reason, String message) {
    this(reason, message, List.of(), null);
  }

  public Reason reason() {
    return reason;
  }

  public List<Problem> problems() {
    return problems;
  }
}
