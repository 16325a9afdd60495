package dev.fulmar.helper.diagnose;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.IkeFailure;

/**
 * The documented exit codes of {@code fulmard diagnose} (and {@code fulmar diagnose}), so scripts
 * can tell a wrong password from an unreachable gateway without parsing text.
 */
public enum ExitCode {
  /** IKE SA and CHILD SA negotiated and deleted again. */
  OK(0, "negotiated and deleted the SAs"),
  /** A failure that fits no narrower code. */
  FAILED(1, "failed for another reason"),
  /** Wrong command-line usage (picocli's convention). */
  USAGE(2, "wrong command-line usage"),
  /** The profile file could not be read or is invalid. */
  PROFILE(3, "the profile could not be read or is not valid"),
  /** A needed secret was not given, or a certificate file could not be opened with it. */
  CREDENTIALS(4, "a password/PSK was missing, or the PKCS#12 file could not be opened"),
  /** DNS, sockets, or the gateway never answered. */
  NETWORK(5, "the gateway could not be resolved or reached"),
  /** The gateway failed to prove its identity (certificate, CA, name, AUTH). */
  GATEWAY_AUTH(6, "the gateway could not be authenticated (certificate, CA or identity)"),
  /** The gateway rejected our credentials. */
  USER_AUTH(7, "the gateway rejected our credentials"),
  /** No common proposal, refused algorithm, traffic selectors, configuration. */
  NEGOTIATION(8, "no common algorithms, or the gateway refused the tunnel settings"),
  /** A bug: please report it. */
  INTERNAL(70, "internal error");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** The exit code for an engine failure. */
  public static ExitCode of(IkeFailure failure) {
    return of(failure.code());
  }

  static ExitCode of(ErrorCode code) {
    switch (code) {
      case GATEWAY_NOT_FOUND:
      case SOCKET_FAILED:
      case GATEWAY_UNREACHABLE:
        return NETWORK;
      case GATEWAY_CERT_UNTRUSTED:
      case GATEWAY_CERT_INVALID:
      case GATEWAY_IDENTITY_MISMATCH:
      case GATEWAY_AUTH_FAILED:
        return GATEWAY_AUTH;
      case USER_AUTH_FAILED:
      case CERTIFICATE_AUTH_FAILED:
      case PSK_AUTH_FAILED:
      case EAP_FAILED:
      case EAP_METHOD_UNSUPPORTED:
        return USER_AUTH;
      case CREDENTIALS_MISSING:
      case CLIENT_CERTIFICATE_UNUSABLE:
        return CREDENTIALS;
      case NO_PROPOSAL_CHOSEN:
      case NO_PROPOSAL_CHOSEN_CLASSIC_ONLY:
      case WEAK_ALGORITHM:
      case CHILD_NO_PROPOSAL_CHOSEN:
      case TRAFFIC_SELECTORS_UNACCEPTABLE:
      case NO_VIRTUAL_ADDRESS:
        return NEGOTIATION;
      case INVALID_PARAMETERS:
        return PROFILE;
      case INTERNAL_ERROR:
        return INTERNAL;
      default:
        return FAILED;
    }
  }

  /** The picocli exit code list: "code:meaning" lines for --help. */
  static String[] helpList() {
    ExitCode[] all = values();
    String[] out = new String[all.length];
    for (int i = 0; i < all.length; i++) {
      out[i] = String.format("%3d:%s", all[i].code, all[i].meaning);
    }
    return out;
  }
}
