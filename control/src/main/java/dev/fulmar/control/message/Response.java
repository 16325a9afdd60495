package dev.fulmar.control.message;

/** The helper's answer to one {@link Request}, carrying the request's id. */
public sealed interface Response extends Message
    permits Welcome, ProfileList, StatusReport, Ok, ErrorReply, DiagnoseReport, LogLines,
        BundleData, PolicyReport {}
