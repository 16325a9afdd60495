package dev.fulmar.core.api;

/**
 * What the engine asks for when it needs a secret: asked only after the gateway has been
 * authenticated, so nothing is prompted for (or sent to) an unverified gateway.
 *
 * @param kind what is needed
 * @param identity the user name (EAP) or certificate the secret belongs to
 * @param gateway the authenticated gateway identity, to show the user whom they are answering
 * @param message a gateway message to show (e.g. an EAP-GTC prompt), or empty
 */
public record CredentialRequest(Kind kind, String identity, String gateway, String message) {
  /** Kinds of secrets the engine can ask for. */
  public enum Kind {
    PASSWORD,
    ONE_TIME_PASSWORD
  }
}
