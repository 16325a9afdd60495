package dev.fulmar.profiles.model;

import java.util.Objects;

/**
 * A member of a {@code .vpn} file that this version does not know (written by a newer Fulmar or by
 * hand), kept so that reading and writing the file does not lose it.
 *
 * @param parentPath JSON path of the object holding it ({@code ""} for the top level, else e.g.
 *     {@code auth} or {@code fallbackGateways[1]})
 * @param name the member name
 * @param rawJson the member's value as compact JSON text
 */
public record UnknownField(String parentPath, String name, String rawJson) {
  public UnknownField {
    Objects.requireNonNull(parentPath, "parentPath");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Path of the field itself. */
  public String path() {
    return parentPath.isEmpty() ? name : parentPath + "." + name;
  }
}
