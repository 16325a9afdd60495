package dev.fulmar.core.api;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a session failed, as a closed set that the UI localizes and {@code fulmar diagnose} explains.
 * Each code has an English reason and fix with {@code {name}} placeholders filled from the
 * failure's details (see {@link IkeFailure}); a translation uses the same placeholders. Each code
 * also says whether it is {@link #retryable()}.
 */
public enum ErrorCode {
  GATEWAY_NOT_FOUND(
      "the gateway name {gateway} could not be resolved ({cause})",
      "check the gateway address in the profile and that this computer's DNS works",
      Retry.YES),
  SOCKET_FAILED(
      "could not open a UDP socket on {local} ({cause})",
      "another IKE program may be using the port; stop it, or run as a normal user so that an"
          + " unprivileged port is used",
      Retry.YES),
  GATEWAY_UNREACHABLE(
      "the gateway {gateway} did not answer the {exchange} request ({attempts} attempts in"
          + " {seconds} s)",
      "check the gateway address, that the gateway runs IKEv2, and that no firewall blocks UDP"
          + " ports 500 and 4500",
      Retry.YES),
  NO_PROPOSAL_CHOSEN(
      "the gateway accepted none of our IKE proposals (we offered {offered})",
      "ask the administrator which algorithms the gateway allows; Fulmar refuses weak ones (DES,"
          + " 3DES, Blowfish, MD5, SHA-1 integrity, MODP groups below 2048 bits)"),
  NO_PROPOSAL_CHOSEN_CLASSIC_ONLY(
      "the gateway accepted none of our IKE proposals; we offered only classic key exchange"
          + " ({offered})",
      "if the gateway requires post-quantum (ML-KEM) key exchange, enable it in the profile"
          + " (e.g. ke1_mlkem768); otherwise ask the administrator which algorithms the gateway"
          + " allows"),
  WEAK_ALGORITHM(
      "{who} {algorithm}, which Fulmar refuses as weak",
      "use modern algorithms (for example aes256gcm16-prfsha384-ecp384); if the gateway only"
          + " allows weak ones, ask its administrator to enable modern ones"),
  GATEWAY_CERT_UNTRUSTED(
      "the gateway's certificate ({subject}, issued by {issuer}) does not lead to a CA that the"
          + " profile trusts",
      "put the gateway's CA certificate into the profile, or enable the system trust store if"
          + " the gateway uses a public CA; compare the certificate's SHA-256 fingerprint"
          + " {fingerprint} with the one the administrator gives you"),
  GATEWAY_CERT_INVALID(
      "the gateway's certificate ({subject}) is not acceptable: {detail}",
      "{hint}"),
  GATEWAY_IDENTITY_MISMATCH(
      "the gateway's certificate names {names}, but the profile connects to {expected}",
      "set the profile's remote identity to one of the names in the certificate, or connect to"
          + " the gateway by that DNS name"),
  GATEWAY_AUTH_FAILED(
      "the gateway could not prove its identity: {detail}",
      "{hint}"),
  USER_AUTH_FAILED(
      "the gateway rejected the user name or password",
      "check the user name and password; the account may also be locked or expired"),
  CERTIFICATE_AUTH_FAILED(
      "the gateway rejected our certificate authentication ({detail})",
      "the gateway may not trust the CA of your certificate, or your identity is not allowed;"
          + " ask the administrator"),
  PSK_AUTH_FAILED(
      "the gateway rejected the pre-shared key or our identity",
      "check the pre-shared key and the local identity in the profile"),
  EAP_METHOD_UNSUPPORTED(
      "the gateway and the profile agree on no EAP method: {detail}",
      "set the profile's authentication to the EAP method the gateway uses (the profile allows"
          + " {allowed})"),
  EAP_FAILED(
      "EAP authentication failed: {detail}",
      "check the credentials; if this persists, ask the administrator"),
  CLIENT_CERTIFICATE_UNUSABLE(
      "the client certificate {file} cannot be used: {detail}",
      "check the PKCS#12 password, and that the file holds a certificate with its private key"),
  CREDENTIALS_MISSING(
      "no {what} was given",
      "enter it when asked, or pass it with --password-stdin"),
  NO_VIRTUAL_ADDRESS(
      "the gateway could not assign a virtual IP address ({detail})",
      "the gateway's address pool may be exhausted or not configured; ask the administrator"),
  TRAFFIC_SELECTORS_UNACCEPTABLE(
      "the gateway does not allow the requested networks ({requested})",
      "switch the profile between split and full tunnel to match the gateway"),
  CHILD_NO_PROPOSAL_CHOSEN(
      "the gateway accepted none of our ESP proposals (we offered {offered})",
      "ask the administrator which ESP algorithms the gateway allows and set them in the profile"),
  PEER_ERROR(
      "the gateway refused the {exchange} request with {notify}",
      "ask the administrator to look up this error in the gateway's log"),
  PEER_DELETED(
      "the gateway closed the connection",
      "the gateway may have restarted or ended the session; connect again",
      Retry.YES),
  PEER_UNREACHABLE(
      "the gateway {gateway} stopped answering: {exchange} unanswered after {attempts} attempts"
          + " in {seconds} s",
      "the network or the gateway may be down; the tunnel is set up again once the gateway"
          + " answers",
      Retry.YES),
  NETWORK_CHANGED(
      "this computer's address changed to {local}, and the connection cannot move with it"
          + " ({detail})",
      "the tunnel is set up again from the new address",
      Retry.YES),
  REKEY_FAILED(
      "the gateway refused to renew the {what} keys ({detail})",
      "connecting again sets up fresh keys; if this repeats, ask the administrator to look at"
          + " the gateway's log",
      Retry.YES),
  REDIRECT_LOOP(
      "the gateway redirected the connection {count} times (last to {gateway})",
      "ask the administrator to check the gateways' redirect (load balancing) settings"),
  PROTOCOL_ERROR(
      "the gateway sent a message Fulmar cannot accept: {detail}",
      "this is likely a gateway bug or an incompatibility; send a diagnostics bundle to the"
          + " Fulmar developers"),
  INVALID_PARAMETERS(
      "the connection settings are not valid: {detail}",
      "fix the profile"),
  CANCELLED("the connection was cancelled", "connect again when you want to"),
  INTERNAL_ERROR(
      "an internal error occurred ({detail})",
      "please report this with a diagnostics bundle");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  /** Whether connecting again may succeed without anyone changing anything. */
  private enum Retry { YES, NO }

  private final String reasonTemplate;
  private final String fixTemplate;
  private final boolean retryable;

  ErrorCode(String reasonTemplate, String fixTemplate) {
    this(reasonTemplate, fixTemplate, Retry.NO);
  }

  ErrorCode(String reasonTemplate, String fixTemplate, Retry retry) {
    this.reasonTemplate = reasonTemplate;
    this.fixTemplate = fixTemplate;
    this.retryable = retry == Retry.YES;
  }

  /**
   * Whether connecting again, unchanged, may succeed: the network, the gateway or its state was
   * the problem (unreachable, restarted, address changed, keys could not be renewed). A reconnect
   * loop retries these with backoff; every other code needs someone to change something (a
   * password, a certificate, the profile, the gateway's settings) and is not retried blindly.
   */
  public boolean retryable() {
    return retryable;
  }

  /** The English reason with its {@code {name}} placeholders (for translators). */
  public String reasonTemplate() {
    return reasonTemplate;
  }

  /** The English fix with its {@code {name}} placeholders (for translators). */
  public String fixTemplate() {
    return fixTemplate;
  }

  /** The reason in English with the placeholders filled from {@code details}. */
  public String reason(Map<String, String> details) {
    return fill(reasonTemplate, details);
  }

  /** The fix in English with the placeholders filled from {@code details}. */
  public String fix(Map<String, String> details) {
    return fill(fixTemplate, details);
  }

  /** Replaces {@code {name}} with {@code details.get(name)}; a missing value shows as "?". */
  static String fill(String template, Map<String, String> details) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = details.getOrDefault(m.group(1), "?");
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
