package io.chargepay.csms.ocpp.internal.rpc;

/** CALLERROR codes of OCPP-J 1.6 §4.2.3, spelled as the specification spells them. */
public enum ErrorCode {
	NotImplemented,
	NotSupported,
	InternalError,
	ProtocolError,
	SecurityError,
	FormationViolation,
	PropertyConstraintViolation,
	OccurenceConstraintViolation,
	TypeConstraintViolation,
	GenericError
}
