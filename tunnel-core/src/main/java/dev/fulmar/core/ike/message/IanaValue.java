package dev.fulmar.core.ike.message;

import java.util.Map;

/**
 * A code point of an open IANA registry: a known constant with its registry name, or an unknown
 * value that a peer sent and that we keep and print as {@code unknown(N)}.
 *
 * <p>Registries are open value classes rather than enums so that a decoder never fails on a code
 * point assigned after this code was written (STYLE.md #3). Two values are equal when they belong
 * to the same registry and carry the same number.
 */
abstract class IanaValue {

  private final int value;
  private final String name;

  IanaValue(int value, String name) {
    this.value = value;
    this.name = name;
  }

  /** The number on the wire. */
  public final int value() {
    return value;
  }

  /** Whether this value has a name in our copy of the IANA registry. */
  public final boolean isKnown() {
    return name != null;
  }

  /** The IANA name, or {@code unknown(N)} for a value we have no name for. */
  @Override
  public final String toString() {
    return name != null ? name : "unknown(" + value + ")";
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((IanaValue) o).value == value;
  }

  @Override
  public final int hashCode() {
    return getClass().hashCode() * 31 + value;
  }

  /** Registers {@code v} under its number; used by the registries' static initializers. */
  static <T extends IanaValue> T register(Map<Integer, T> known, T v) {
    if (known.putIfAbsent(v.value(), v) != null) {
      throw new IllegalStateException("duplicate code point " + v.value() + " for " + v);
    }
    return v;
  }
}
