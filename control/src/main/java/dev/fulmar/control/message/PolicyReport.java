package dev.fulmar.control.message;

import java.util.Objects;

/** The answer to {@link GetPolicy}. */
public record PolicyReport(Policy policy) implements Response {
  public PolicyReport {
    Objects.requireNonNull(policy, "policy");
  }
}
