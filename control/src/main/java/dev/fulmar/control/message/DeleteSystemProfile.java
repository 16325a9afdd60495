package dev.fulmar.control.message;

import java.util.Objects;

/** Removes a system profile by name (administrators only); answered with {@link Ok}. */
public record DeleteSystemProfile(String name) implements Request {
  public DeleteSystemProfile {
    Objects.requireNonNull(name, "name");
  }
}
