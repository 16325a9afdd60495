package dev.fulmar.profiles.imports;

/** The profile formats Fulmar reads, with the names shown to users. */
public enum Format {
  FULMAR("Fulmar profile (.vpn, JSON)"),
  SSWAN("strongSwan profile (.sswan)"),
  MOBILECONFIG("Apple configuration profile (.mobileconfig)"),
  PROFILE_XML("Windows Always On VPN ProfileXML"),
  RASPHONE_PBK("Windows phone book (rasphone.pbk)"),
  SHREW("Shrew Soft VPN site file (.vpn, IKEv1)"),
  SWANCTL("strongSwan swanctl.conf");

  private final String description;

  Format(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
