package io.chargepay.csms.web;

class PayloadTooLargeException extends RuntimeException {

	PayloadTooLargeException(long limit) {
		super("Request bodies are limited to " + limit + " bytes");
	}
}
