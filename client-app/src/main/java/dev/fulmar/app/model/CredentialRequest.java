package dev.fulmar.app.model;

import dev.fulmar.control.message.PromptKind;

/**
 * What the helper asks the user for while connecting, ready for the credential dialog.
 *
 * @param kind what is asked for
 * @param profileName the profile being connected
 * @param username the user name to pre-fill (EAP), or ""
 * @param hint where the request comes from (e.g. the gateway's name or the PKCS#12 file)
 * @param gatewayMessage text the gateway sent (EAP-GTC), or ""
 * @param rememberWhere where a remembered secret would be kept, or "" when it cannot be kept
 * @param rememberUnavailable why secrets cannot be kept, or ""
 */
public record CredentialRequest(
    PromptKind kind,
    String profileName,
    String username,
    String hint,
    String gatewayMessage,
    String rememberWhere,
    String rememberUnavailable) {

  public CredentialRequest {
    username = username == null ? "" : username;
    hint = hint == null ? "" : hint;
    gatewayMessage = gatewayMessage == null ? "" : gatewayMessage;
    rememberWhere = rememberWhere == null ? "" : rememberWhere;
    rememberUnavailable = rememberUnavailable == null ? "" : rememberUnavailable;
  }

  /** Whether the dialog offers "remember" (never for one-time codes). */
  public boolean canRemember() {
    return !rememberWhere.isEmpty() && kind != PromptKind.ONE_TIME_PASSWORD;
  }
}
