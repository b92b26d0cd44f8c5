"""Knowledge base for coordination program 13/CTrPH-CA-MTTQ: data, validators and renderers."""
