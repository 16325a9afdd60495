package dev.fulmar.interop.lab;

/** Bytes that are not a valid VICI message; the message names the problem and its offset. */
public final class ViciFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public ViciFormatException(String message) {
    super(message);
  }
}
