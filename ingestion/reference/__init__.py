"""Reference data: the 2014 census, MIMU places, Myanmar Armed Forces unit lists and the
armed-group registry, loaded from their published formats into ``reference.*`` tables.

Third-party data (attribute it where the project publishes anything built from it):

* 2014 Myanmar Population and Housing Census, Department of Population (Ministry of Labour,
  Immigration and Population), township baseline dataset as released by MIMU (Myanmar
  Information Management Unit), 16 Jun 2016; ward/village-tract population and the
  census area-code crosswalk from the same census.
* MIMU place codes (P-codes) and the MIMU towns list (GAD, Mar 2015).
* Unit lists: community OSINT lists of Myanmar Armed Forces units (unverified claims of
  their authors; statuses are not facts).
* Armed-group registry: compiled from myanmarosint, mmpeacemonitor.org, ACLED's Myanmar
  methodology notes and a PRIO policy brief (see its ``sources`` column).

Modules: ``sources`` (where each file lives, fetching), one loader module per publisher
format (``census``, ``places``, ``unit_lists``, ``actors``), ``store`` (versioned
``reference.*`` tables), ``pipeline`` (file → table), ``gazetteer_builder``.
"""
