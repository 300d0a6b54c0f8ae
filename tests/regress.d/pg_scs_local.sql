-- PostgreSQL database dump
SET standard_conforming_strings = off;
BEGIN;
SET LOCAL standard_conforming_strings = on;
COMMIT;
