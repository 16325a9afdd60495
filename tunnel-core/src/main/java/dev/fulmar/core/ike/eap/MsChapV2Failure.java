package dev.fulmar.core.ike.eap;

import dev.fulmar.core.ike.eap.EapAuthenticationException.Reason;

/**
 * Reads an MS-CHAPv2 Failure message ({@code E=eeeeeeeeee R=r C=cccc V=vvvvvvvvvv M=msg}, RFC
 * 2759 §6) into a typed failure with the error code and plain words.
 */
final class MsChapV2Failure {

  private MsChapV2Failure() {}

  static EapAuthenticationException parse(String message) {
    int code = -1;
    String text = null;
    int m = message.indexOf("M=");
    if (m >= 0) {
      text = sanitize(message.substring(m + 2));
    }
    for (String token : (m >= 0 ? message.substring(0, m) : message).split(" ")) {
      if (token.startsWith("E=")) {
        try {
          code = Integer.parseInt(token.substring(2));
        } catch (NumberFormatException e) {
          code = -1;
        }
      }
    }
    String suffix = text == null || text.isEmpty() ? "" : " (the gateway says: " + text + ")";
    return switch (code) {
      case 691 -> failure(Reason.CREDENTIALS_REJECTED, code,
          "the gateway rejected the user name or password" + suffix);
      case 648 -> failure(Reason.PASSWORD_EXPIRED, code,
          "the password has expired: change it, then connect again" + suffix);
      case 647 -> failure(Reason.ACCOUNT_DISABLED, code, "the account is disabled" + suffix);
      case 646 -> failure(Reason.RESTRICTED_LOGON_HOURS, code,
          "the account may not log on at this time" + suffix);
      case 649 -> failure(Reason.NO_DIALIN_PERMISSION, code,
          "the account has no permission to connect (dial-in)" + suffix);
      case 709 -> failure(Reason.PASSWORD_CHANGE_FAILED, code,
          "changing the password failed" + suffix);
      default -> failure(Reason.OTHER_SERVER_ERROR, code, "the gateway refused the login with"
          + (code < 0 ? "out an error code" : " MSCHAPv2 error " + code) + suffix);
    };
  }

  private static EapAuthenticationException failure(Reason reason, int code, String message) {
    return new EapAuthenticationException(reason, code, message, null);
  }

  private static String sanitize(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 200; i++) {
      char c = s.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return b.toString().trim();
  }
}
