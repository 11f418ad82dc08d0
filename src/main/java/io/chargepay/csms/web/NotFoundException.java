package io.chargepay.csms.web;

class NotFoundException extends RuntimeException {

	NotFoundException(String message) {
		super(message);
	}
}
