package dev.fulmar.control.message;

/** What a prompt asks the user for. */
public enum PromptKind {
  /** EAP user name (pre-filled when the profile has one) and password. */
  EAP_CREDENTIALS,
  /** A one-time password or token code (EAP-GTC); the gateway's text is in the prompt. */
  ONE_TIME_PASSWORD,
  /** The password of the PKCS#12 bundle. */
  PKCS12_PASSWORD,
  /** The IKE pre-shared key. */
  PSK
}
