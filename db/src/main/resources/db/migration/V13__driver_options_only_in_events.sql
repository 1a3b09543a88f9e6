-- A machine's driver options are recorded once, in its MachineCreated event. The write side's lookup row kept a copy
-- that nothing looked up by; the machine processes now read the options from the event (see
-- EventStoreDriverOptions). The read model (rm_machine) keeps its own projection of them for the API.
ALTER TABLE cmd_machines DROP COLUMN driver_options;
