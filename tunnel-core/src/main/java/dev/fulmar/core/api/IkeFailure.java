package dev.fulmar.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why and where a session failed: the {@link FailureStep}, the {@link ErrorCode} and the facts
 * (gateway name, certificate subject, algorithm, ...) that fill the code's reason and fix. The UI
 * localizes {@code code} with {@code details}; {@link #reason()} and {@link #fix()} are the English
 * rendering that logs and {@code fulmar diagnose} print; {@link #retryable()} tells a reconnect
 * loop whether trying again makes sense. Details never hold secrets.
 */
public final class IkeFailure {
  private final FailureStep step;
  private final ErrorCode code;
  private final Map<String, String> details;

  private IkeFailure(FailureStep step, ErrorCode code, Map<String, String> details) {
    this.step = Objects.requireNonNull(step, "step");
    this.code = Objects.requireNonNull(code, "code");
    this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** A failure with details given as alternating names and values. */
  public static IkeFailure of(FailureStep step, ErrorCode code, String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("details must be name/value pairs");
    }
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      details.put(namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
    }
    return new IkeFailure(step, code, details);
  }

  /** A failure with the given details. */
  public static IkeFailure of(FailureStep step, ErrorCode code, Map<String, String> details) {
    return new IkeFailure(step, code, details);
  }

  /** The same failure reported at another step (used when a lower layer did not know the step). */
  public IkeFailure atStep(FailureStep other) {
    return new IkeFailure(other, code, details);
  }

  public FailureStep step() {
    return step;
  }

  public ErrorCode code() {
    return code;
  }

  /** The facts behind the failure, by placeholder name, in insertion order. */
  public Map<String, String> details() {
    return details;
  }

  /**
   * Whether connecting again, unchanged, may succeed ({@link ErrorCode#retryable()}): a reconnect
   * loop retries these with backoff and jitter; the others (authentication failures, refused
   * proposals, bad certificates, invalid profiles) wait for the user, so that a wrong password is
   * not tried again and again until the account locks.
   */
  public boolean retryable() {
    return code.retryable();
  }

  /** The reason in plain English. */
  public String reason() {
    return code.reason(details);
  }

  /** What the user (or administrator) can do about it, in plain English. */
  public String fix() {
    return code.fix(details);
  }

  @Override
  public String toString() {
    return step + " failed: " + reason() + " (" + code + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IkeFailure
        && ((IkeFailure) o).step == step
        && ((IkeFailure) o).code == code
        && ((IkeFailure) o).details.equals(details);
  }

  @Override
  public int hashCode() {
    return Objects.hash(step, code, details);
  }
}
