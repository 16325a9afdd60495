package dev.fulmar.interop.lab;

/**
 * The machine lacks something the lab needs (root, a program, a strongSwan plugin, network access
 * to a Debian mirror). Interop tests fail with this message; they are never skipped.
 */
public final class MissingPrerequisiteException extends LabException {
  private static final long serialVersionUID = 1L;

  public MissingPrerequisiteException(String message) {
    super(message);
  }
}
