package dev.fulmar.helper.demo;

/** The demo could not be brought up or taken down; the message says why and what to do. */
final class DemoException extends Exception {
  private static final long serialVersionUID = 1L;

  DemoException(String message) {
    super(message);
  }

  DemoException(String message, Throwable cause) {
    super(message, cause);
  }
}
