package dev.fulmar.profiles.model;

/** A proposal string that does not parse: what is wrong and at which character offset. */
public final class ProposalSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int offset;

  public ProposalSyntaxException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  /** Offset of the offending keyword in the proposal string (0-based). */
  public int offset() {
    return offset;
  }
}
