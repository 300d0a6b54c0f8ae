/*
 * dict: the compiled-in dictionaries of the fake-data actions (see
 * dict.h).  Two locales: "en" (United States: "1234 Oak Street", 5-digit
 * ZIP codes) and "de" (Germany: "Lindenstraße 12", 5-digit PLZ).
 *
 * The lists are plain data: common given names of both genders, frequent
 * surnames, typical street names, cities and country names in the
 * locale's language, and the parts company names are built from.  Names
 * that happen to be real are unavoidable and harmless here: a fake only
 * has to look plausible, and which entry a value gets is decided by a
 * keyed hash.  The en given names and surnames double as the ASCII lists
 * of email and username, so they hold ASCII letters only (no spaces,
 * apostrophes or hyphens: "Mcdonald", not "McDonald's" or "O'Brien").
 *
 * Entries carry their byte length (sizeof - 1 of the literal), so the
 * hot path copies without strlen().
 */
#include <config.h>

#include <stddef.h>
#include <string.h>

#include "dict.h"

#define E(s)	{ (s), sizeof(s) - 1 }
#define LIST(a)	{ (a), sizeof(a) / sizeof((a)[0]) }

static const struct dict_word en_first[] = {
	E("James"), E("John"), E("Robert"), E("Michael"), E("William"),
	E("David"), E("Richard"), E("Joseph"), E("Thomas"), E("Charles"),
	E("Christopher"), E("Daniel"), E("Matthew"), E("Anthony"), E("Mark"),
	E("Donald"), E("Steven"), E("Paul"), E("Andrew"), E("Joshua"),
	E("Kenneth"), E("Kevin"), E("Brian"), E("George"), E("Timothy"),
	E("Ronald"), E("Edward"), E("Jason"), E("Jeffrey"), E("Ryan"),
	E("Jacob"), E("Gary"), E("Nicholas"), E("Eric"), E("Jonathan"),
	E("Stephen"), E("Larry"), E("Justin"), E("Scott"), E("Brandon"),
	E("Benjamin"), E("Samuel"), E("Gregory"), E("Alexander"), E("Frank"),
	E("Patrick"), E("Raymond"), E("Jack"), E("Dennis"), E("Jerry"),
	E("Tyler"), E("Aaron"), E("Jose"), E("Adam"), E("Nathan"), E("Henry"),
	E("Douglas"), E("Zachary"), E("Peter"), E("Kyle"), E("Ethan"),
	E("Walter"), E("Noah"), E("Jeremy"), E("Christian"), E("Keith"),
	E("Roger"), E("Terry"), E("Gerald"), E("Harold"), E("Sean"),
	E("Austin"), E("Carl"), E("Arthur"), E("Lawrence"), E("Dylan"),
	E("Jesse"), E("Jordan"), E("Bryan"), E("Billy"), E("Joe"), E("Bruce"),
	E("Gabriel"), E("Logan"), E("Albert"), E("Willie"), E("Alan"),
	E("Juan"), E("Wayne"), E("Elijah"), E("Randy"), E("Roy"), E("Vincent"),
	E("Ralph"), E("Eugene"), E("Russell"), E("Bobby"), E("Mason"),
	E("Philip"), E("Louis"), E("Mary"), E("Patricia"), E("Jennifer"),
	E("Linda"), E("Elizabeth"), E("Barbara"), E("Susan"), E("Jessica"),
	E("Sarah"), E("Karen"), E("Lisa"), E("Nancy"), E("Betty"),
	E("Margaret"), E("Sandra"), E("Ashley"), E("Kimberly"), E("Emily"),
	E("Donna"), E("Michelle"), E("Carol"), E("Amanda"), E("Dorothy"),
	E("Melissa"), E("Deborah"), E("Stephanie"), E("Rebecca"), E("Sharon"),
	E("Laura"), E("Cynthia"), E("Kathleen"), E("Amy"), E("Angela"),
	E("Shirley"), E("Anna"), E("Brenda"), E("Pamela"), E("Emma"),
	E("Nicole"), E("Helen"), E("Samantha"), E("Katherine"), E("Christine"),
	E("Debra"), E("Rachel"), E("Carolyn"), E("Janet"), E("Catherine"),
	E("Maria"), E("Heather"), E("Diane"), E("Ruth"), E("Julie"),
	E("Olivia"), E("Joyce"), E("Virginia"), E("Victoria"), E("Kelly"),
	E("Lauren"), E("Christina"), E("Joan"), E("Evelyn"), E("Judith"),
	E("Megan"), E("Andrea"), E("Cheryl"), E("Hannah"), E("Jacqueline"),
	E("Martha"), E("Gloria"), E("Teresa"), E("Ann"), E("Sara"),
	E("Madison"), E("Frances"), E("Kathryn"), E("Janice"), E("Jean"),
	E("Abigail"), E("Alice"), E("Judy"), E("Sophia"), E("Grace"),
	E("Denise"), E("Amber"), E("Doris"), E("Marilyn"), E("Danielle"),
	E("Beverly"), E("Isabella"), E("Theresa"), E("Diana"), E("Natalie"),
	E("Brittany"), E("Charlotte"), E("Marie"), E("Kayla"), E("Alexis"),
	E("Lori"),
};

static const struct dict_word en_last[] = {
	E("Smith"), E("Johnson"), E("Williams"), E("Brown"), E("Jones"),
	E("Garcia"), E("Miller"), E("Davis"), E("Rodriguez"), E("Martinez"),
	E("Hernandez"), E("Lopez"), E("Gonzalez"), E("Wilson"), E("Anderson"),
	E("Thomas"), E("Taylor"), E("Moore"), E("Jackson"), E("Martin"),
	E("Lee"), E("Perez"), E("Thompson"), E("White"), E("Harris"),
	E("Sanchez"), E("Clark"), E("Ramirez"), E("Lewis"), E("Robinson"),
	E("Walker"), E("Young"), E("Allen"), E("King"), E("Wright"),
	E("Scott"), E("Torres"), E("Nguyen"), E("Hill"), E("Flores"),
	E("Green"), E("Adams"), E("Nelson"), E("Baker"), E("Hall"),
	E("Rivera"), E("Campbell"), E("Mitchell"), E("Carter"), E("Roberts"),
	E("Gomez"), E("Phillips"), E("Evans"), E("Turner"), E("Diaz"),
	E("Parker"), E("Cruz"), E("Edwards"), E("Collins"), E("Reyes"),
	E("Stewart"), E("Morris"), E("Morales"), E("Murphy"), E("Cook"),
	E("Rogers"), E("Gutierrez"), E("Ortiz"), E("Morgan"), E("Cooper"),
	E("Peterson"), E("Bailey"), E("Reed"), E("Kelly"), E("Howard"),
	E("Ramos"), E("Kim"), E("Cox"), E("Ward"), E("Richardson"),
	E("Watson"), E("Brooks"), E("Chavez"), E("Wood"), E("James"),
	E("Bennett"), E("Gray"), E("Mendoza"), E("Ruiz"), E("Hughes"),
	E("Price"), E("Alvarez"), E("Castillo"), E("Sanders"), E("Patel"),
	E("Myers"), E("Long"), E("Ross"), E("Foster"), E("Jimenez"),
	E("Powell"), E("Jenkins"), E("Perry"), E("Russell"), E("Sullivan"),
	E("Bell"), E("Coleman"), E("Butler"), E("Henderson"), E("Barnes"),
	E("Gonzales"), E("Fisher"), E("Vasquez"), E("Simmons"), E("Romero"),
	E("Jordan"), E("Patterson"), E("Alexander"), E("Hamilton"),
	E("Graham"), E("Reynolds"), E("Griffin"), E("Wallace"), E("Moreno"),
	E("West"), E("Cole"), E("Hayes"), E("Bryant"), E("Herrera"),
	E("Gibson"), E("Ellis"), E("Tran"), E("Medina"), E("Aguilar"),
	E("Stevens"), E("Murray"), E("Ford"), E("Castro"), E("Marshall"),
	E("Owens"), E("Harrison"), E("Fernandez"), E("Mcdonald"), E("Woods"),
	E("Washington"), E("Kennedy"), E("Wells"), E("Vargas"), E("Henry"),
	E("Chen"), E("Freeman"), E("Webb"), E("Tucker"), E("Guzman"),
	E("Burns"), E("Crawford"), E("Olson"), E("Simpson"), E("Porter"),
	E("Hunter"), E("Gordon"), E("Mendez"), E("Silva"), E("Shaw"),
	E("Snyder"), E("Mason"), E("Dixon"), E("Munoz"), E("Hunt"), E("Hicks"),
	E("Holmes"), E("Palmer"), E("Wagner"), E("Black"), E("Robertson"),
	E("Boyd"), E("Rose"), E("Stone"), E("Salazar"), E("Fox"), E("Warren"),
	E("Mills"), E("Meyer"), E("Rice"), E("Schmidt"), E("Garza"),
	E("Daniels"), E("Ferguson"), E("Nichols"), E("Stephens"), E("Soto"),
	E("Weaver"), E("Ryan"), E("Gardner"), E("Payne"), E("Grant"),
	E("Dunn"),
};

static const struct dict_word en_street[] = {
	E("Main Street"), E("Oak Street"), E("Pine Street"), E("Maple Avenue"),
	E("Cedar Lane"), E("Elm Street"), E("Washington Avenue"),
	E("Lake Road"), E("Hill Street"), E("Park Avenue"), E("Church Street"),
	E("High Street"), E("Sunset Boulevard"), E("Walnut Street"),
	E("Chestnut Street"), E("Spruce Street"), E("Birch Road"),
	E("Willow Lane"), E("Lincoln Avenue"), E("Jefferson Street"),
	E("Madison Avenue"), E("Franklin Street"), E("Jackson Street"),
	E("Adams Street"), E("Monroe Street"), E("River Road"), E("Mill Road"),
	E("Forest Drive"), E("Meadow Lane"), E("Valley Road"), E("Ridge Road"),
	E("Highland Avenue"), E("Prospect Street"), E("Center Street"),
	E("Union Street"), E("Market Street"), E("Water Street"),
	E("Bridge Street"), E("Spring Street"), E("School Street"),
	E("Front Street"), E("Court Street"), E("Railroad Avenue"),
	E("Grove Street"), E("Cherry Lane"), E("Dogwood Drive"),
	E("Magnolia Avenue"), E("Hickory Lane"), E("Sycamore Street"),
	E("Poplar Street"), E("Laurel Drive"), E("Holly Lane"),
	E("Juniper Way"), E("Aspen Court"), E("Cypress Street"),
	E("Sunrise Drive"), E("Harbor View Road"), E("Bayview Avenue"),
	E("Lakeshore Drive"), E("Mountain View Road"), E("Country Club Road"),
	E("Orchard Lane"), E("Garden Street"), E("Vine Street"),
	E("Green Street"), E("Broad Street"), E("Cottage Street"),
	E("King Street"), E("Queen Street"), E("Prince Street"),
	E("Academy Street"), E("College Avenue"), E("University Avenue"),
	E("Liberty Street"), E("Independence Avenue"), E("Pleasant Street"),
	E("Summit Avenue"), E("Fairview Avenue"), E("Woodland Avenue"),
	E("Elmwood Avenue"), E("Riverside Drive"), E("Canal Street"),
	E("Mill Street"), E("Depot Street"), E("Heritage Lane"),
	E("Colonial Drive"), E("Pinecrest Road"), E("Brookside Drive"),
	E("Clearwater Lane"), E("Deer Run"), E("Fox Hollow Road"),
	E("Quail Ridge Drive"),
};

static const struct dict_word en_city[] = {
	E("New York"), E("Los Angeles"), E("Chicago"), E("Houston"),
	E("Phoenix"), E("Philadelphia"), E("San Antonio"), E("San Diego"),
	E("Dallas"), E("San Jose"), E("Austin"), E("Jacksonville"),
	E("Fort Worth"), E("Columbus"), E("Charlotte"), E("Indianapolis"),
	E("San Francisco"), E("Seattle"), E("Denver"), E("Washington"),
	E("Nashville"), E("Oklahoma City"), E("El Paso"), E("Boston"),
	E("Portland"), E("Las Vegas"), E("Detroit"), E("Memphis"),
	E("Louisville"), E("Baltimore"), E("Milwaukee"), E("Albuquerque"),
	E("Tucson"), E("Fresno"), E("Sacramento"), E("Mesa"), E("Kansas City"),
	E("Atlanta"), E("Omaha"), E("Colorado Springs"), E("Raleigh"),
	E("Long Beach"), E("Virginia Beach"), E("Miami"), E("Oakland"),
	E("Minneapolis"), E("Tulsa"), E("Bakersfield"), E("Wichita"),
	E("Arlington"), E("Aurora"), E("Tampa"), E("New Orleans"),
	E("Cleveland"), E("Honolulu"), E("Anaheim"), E("Lexington"),
	E("Stockton"), E("Corpus Christi"), E("Henderson"), E("Riverside"),
	E("Newark"), E("Saint Paul"), E("Santa Ana"), E("Cincinnati"),
	E("Irvine"), E("Orlando"), E("Pittsburgh"), E("St. Louis"),
	E("Greensboro"), E("Jersey City"), E("Anchorage"), E("Lincoln"),
	E("Plano"), E("Durham"), E("Buffalo"), E("Chandler"), E("Chula Vista"),
	E("Toledo"), E("Madison"), E("Gilbert"), E("Reno"), E("Fort Wayne"),
	E("St. Petersburg"), E("Lubbock"), E("Irving"), E("Laredo"),
	E("Winston-Salem"), E("Chesapeake"), E("Glendale"), E("Garland"),
	E("Scottsdale"), E("Norfolk"), E("Boise"), E("Fremont"), E("Spokane"),
	E("Baton Rouge"), E("Richmond"), E("Springfield"), E("Salem"),
	E("Dayton"), E("Providence"), E("Burlington"), E("Hartford"),
	E("Savannah"), E("Charleston"),
};

static const struct dict_word en_stem[] = {
	E("Summit"), E("Pinnacle"), E("Riverside"), E("Harbor"),
	E("Evergreen"), E("Lakeside"), E("Bluewater"), E("Ironwood"),
	E("Silverline"), E("Northgate"), E("Westfield"), E("Eastbridge"),
	E("Southport"), E("Redwood"), E("Greenfield"), E("Highland"),
	E("Keystone"), E("Liberty"), E("Frontier"), E("Horizon"),
	E("Meridian"), E("Cascade"), E("Granite"), E("Cobalt"), E("Sterling"),
	E("Beacon"), E("Compass"), E("Anchor"), E("Crescent"), E("Falcon"),
	E("Eagle"), E("Orchard"), E("Prairie"), E("Canyon"), E("Maple"),
	E("Oakridge"), E("Cedar"), E("Willow"), E("Aspen"), E("Birch"),
	E("Stonebridge"), E("Brightwater"), E("Clearview"), E("Fairview"),
	E("Goldleaf"), E("Hilltop"), E("Lighthouse"), E("Millbrook"),
	E("Northstar"), E("Pioneer"), E("Quantum"), E("Rockport"),
	E("Sunrise"), E("Tidewater"), E("Union"), E("Vanguard"),
	E("Whitestone"), E("Windmill"), E("Atlas"), E("Apex"), E("Bayside"),
	E("Crossroads"), E("Driftwood"), E("Elmwood"), E("Foxhill"),
};

static const struct dict_word en_trade[] = {
	E("Logistics"), E("Software"), E("Foods"), E("Consulting"),
	E("Holdings"), E("Industries"), E("Systems"), E("Solutions"),
	E("Manufacturing"), E("Partners"), E("Capital"), E("Analytics"),
	E("Energy"), E("Health"), E("Media"), E("Labs"), E("Supply"),
	E("Construction"), E("Realty"), E("Engineering"), E("Trading"),
	E("Textiles"), E("Motors"), E("Networks"), E("Design"), E("Services"),
};

static const struct dict_word en_legal[] = {
	E("Inc."), E("LLC"), E("Ltd."), E("Corp."), E("Co."), E("Group"),
};

static const struct dict_word en_country[] = {
	E("Germany"), E("Austria"), E("Switzerland"), E("France"), E("Italy"),
	E("Spain"), E("Portugal"), E("Netherlands"), E("Belgium"),
	E("Luxembourg"), E("Denmark"), E("Sweden"), E("Norway"), E("Finland"),
	E("Iceland"), E("Ireland"), E("United Kingdom"), E("Poland"),
	E("Czech Republic"), E("Slovakia"), E("Hungary"), E("Romania"),
	E("Bulgaria"), E("Greece"), E("Turkey"), E("Croatia"), E("Slovenia"),
	E("Serbia"), E("Ukraine"), E("Estonia"), E("Latvia"), E("Lithuania"),
	E("Russia"), E("United States"), E("Canada"), E("Mexico"), E("Brazil"),
	E("Argentina"), E("Chile"), E("Colombia"), E("Peru"), E("Venezuela"),
	E("Cuba"), E("Jamaica"), E("China"), E("Japan"), E("South Korea"),
	E("India"), E("Pakistan"), E("Indonesia"), E("Thailand"), E("Vietnam"),
	E("Philippines"), E("Malaysia"), E("Singapore"), E("Australia"),
	E("New Zealand"), E("Egypt"), E("Morocco"), E("Tunisia"),
	E("South Africa"), E("Nigeria"), E("Kenya"), E("Ethiopia"), E("Ghana"),
	E("Israel"), E("Saudi Arabia"), E("United Arab Emirates"), E("Iran"),
	E("Iraq"), E("Jordan"), E("Lebanon"), E("Cyprus"), E("Malta"),
	E("Albania"), E("Georgia"), E("Armenia"), E("Kazakhstan"),
	E("Mongolia"),
};

static const struct dict_word de_first[] = {
	E("Lukas"), E("Leon"), E("Finn"), E("Jonas"), E("Paul"), E("Felix"),
	E("Elias"), E("Noah"), E("Maximilian"), E("Luis"), E("Ben"),
	E("Henry"), E("Emil"), E("Anton"), E("Jakob"), E("Julian"),
	E("Moritz"), E("Niklas"), E("Tim"), E("Jan"), E("Philipp"), E("David"),
	E("Alexander"), E("Tobias"), E("Sebastian"), E("Florian"), E("Fabian"),
	E("Simon"), E("Daniel"), E("Michael"), E("Thomas"), E("Andreas"),
	E("Stefan"), E("Markus"), E("Christian"), E("Martin"), E("Frank"),
	E("Jürgen"), E("Jörg"), E("Uwe"), E("Klaus"), E("Wolfgang"),
	E("Dieter"), E("Günter"), E("Horst"), E("Manfred"), E("Helmut"),
	E("Werner"), E("Gerhard"), E("Hans"), E("Peter"), E("Karl"),
	E("Heinz"), E("Rolf"), E("Bernd"), E("Ralf"), E("Sven"), E("Dirk"),
	E("Holger"), E("Matthias"), E("Torsten"), E("Oliver"), E("Björn"),
	E("Sören"), E("Malte"), E("Till"), E("Hannes"), E("Johannes"),
	E("Benedikt"), E("Konstantin"), E("Valentin"), E("Vincent"), E("Theo"),
	E("Oskar"), E("Mats"), E("Lennart"), E("Ole"), E("Erik"), E("Carl"),
	E("Friedrich"), E("Ludwig"), E("Rüdiger"), E("Volker"), E("Detlef"),
	E("Norbert"), E("Reinhard"), E("Heiko"), E("Kai"), E("Lars"),
	E("Jens"), E("Nils"), E("Timo"), E("Marco"), E("Dennis"), E("Patrick"),
	E("Kevin"), E("Marcel"), E("René"), E("Anna"), E("Emma"), E("Mia"),
	E("Hannah"), E("Sophie"), E("Lea"), E("Lena"), E("Marie"), E("Laura"),
	E("Lina"), E("Emilia"), E("Clara"), E("Ella"), E("Leonie"),
	E("Johanna"), E("Charlotte"), E("Luisa"), E("Greta"), E("Frieda"),
	E("Ida"), E("Mathilda"), E("Paula"), E("Amelie"), E("Maja"), E("Nele"),
	E("Jana"), E("Julia"), E("Sarah"), E("Katharina"), E("Lisa"),
	E("Sandra"), E("Nicole"), E("Stefanie"), E("Christina"), E("Sabine"),
	E("Petra"), E("Monika"), E("Ursula"), E("Renate"), E("Helga"),
	E("Gisela"), E("Ingrid"), E("Brigitte"), E("Karin"), E("Birgit"),
	E("Susanne"), E("Andrea"), E("Claudia"), E("Martina"), E("Heike"),
	E("Anja"), E("Silke"), E("Kerstin"), E("Tanja"), E("Katrin"),
	E("Daniela"), E("Melanie"), E("Nadine"), E("Jessica"), E("Vanessa"),
	E("Jasmin"), E("Franziska"), E("Annika"), E("Svenja"), E("Lara"),
	E("Jule"), E("Merle"), E("Finja"), E("Lotte"), E("Käthe"), E("Jutta"),
	E("Bärbel"), E("Dörte"), E("Elke"), E("Gudrun"), E("Hildegard"),
	E("Irmgard"), E("Margarete"), E("Waltraud"), E("Annegret"),
	E("Liselotte"), E("Ulrike"), E("Doris"),
};

static const struct dict_word de_last[] = {
	E("Müller"), E("Schmidt"), E("Schneider"), E("Fischer"), E("Weber"),
	E("Meyer"), E("Wagner"), E("Becker"), E("Schulz"), E("Hoffmann"),
	E("Schäfer"), E("Koch"), E("Bauer"), E("Richter"), E("Klein"),
	E("Wolf"), E("Schröder"), E("Neumann"), E("Schwarz"), E("Zimmermann"),
	E("Braun"), E("Krüger"), E("Hofmann"), E("Hartmann"), E("Lange"),
	E("Schmitt"), E("Werner"), E("Schmitz"), E("Krause"), E("Meier"),
	E("Lehmann"), E("Schmid"), E("Schulze"), E("Maier"), E("Köhler"),
	E("Herrmann"), E("König"), E("Walter"), E("Mayer"), E("Huber"),
	E("Kaiser"), E("Fuchs"), E("Peters"), E("Lang"), E("Scholz"),
	E("Möller"), E("Weiß"), E("Jung"), E("Hahn"), E("Schubert"),
	E("Vogel"), E("Friedrich"), E("Keller"), E("Günther"), E("Frank"),
	E("Berger"), E("Winkler"), E("Roth"), E("Beck"), E("Lorenz"),
	E("Baumann"), E("Franke"), E("Albrecht"), E("Schuster"), E("Simon"),
	E("Ludwig"), E("Böhm"), E("Winter"), E("Kraus"), E("Martin"),
	E("Schumacher"), E("Krämer"), E("Vogt"), E("Stein"), E("Jäger"),
	E("Otto"), E("Sommer"), E("Groß"), E("Seidel"), E("Heinrich"),
	E("Brandt"), E("Haas"), E("Schreiber"), E("Graf"), E("Schulte"),
	E("Dietrich"), E("Ziegler"), E("Kuhn"), E("Kühn"), E("Pohl"),
	E("Engel"), E("Horn"), E("Busch"), E("Bergmann"), E("Thomas"),
	E("Voigt"), E("Sauer"), E("Arnold"), E("Wolff"), E("Pfeiffer"),
	E("Hermann"), E("Ernst"), E("Lindner"), E("Hübner"), E("Kramer"),
	E("Jansen"), E("Franz"), E("Peter"), E("Hammer"), E("Götz"),
	E("Nowak"), E("Seifert"), E("Wendt"), E("Barth"), E("Zimmer"),
	E("Ebert"), E("Kaufmann"), E("Rieger"), E("Brunner"), E("Marx"),
	E("Ott"), E("Fink"), E("Lenz"), E("Vetter"), E("Arndt"), E("Adam"),
	E("Heinz"), E("Beyer"), E("Fiedler"), E("Kunz"), E("Strauß"),
	E("Thiel"), E("Hesse"), E("Böttcher"), E("Riedel"), E("Kühne"),
	E("Sander"), E("Schütz"), E("Rösler"), E("Brückner"), E("Menzel"),
	E("Heß"), E("Krieger"), E("Bach"), E("Berndt"), E("Dörr"), E("Raab"),
	E("Eckert"), E("Lutz"), E("Stahl"), E("Ulrich"), E("Lindemann"),
	E("Fritz"), E("Schilling"), E("Hinz"), E("Reuter"), E("Kuhlmann"),
	E("Schwab"), E("Hansen"), E("Nagel"), E("Bock"), E("Wirth"),
	E("Pietsch"), E("Geiger"), E("Seitz"), E("Gebhardt"), E("Reichert"),
	E("Witt"), E("Mohr"), E("Kirchner"), E("Sturm"),
};

static const struct dict_word de_street[] = {
	E("Hauptstraße"), E("Schulstraße"), E("Gartenstraße"),
	E("Bahnhofstraße"), E("Dorfstraße"), E("Bergstraße"), E("Birkenweg"),
	E("Lindenstraße"), E("Kirchstraße"), E("Waldstraße"), E("Ringstraße"),
	E("Schillerstraße"), E("Goethestraße"), E("Wiesenweg"), E("Mühlenweg"),
	E("Amselweg"), E("Am Sportplatz"), E("Jahnstraße"),
	E("Friedhofstraße"), E("Am Bahnhof"), E("Rosenstraße"),
	E("Feldstraße"), E("Buchenweg"), E("Finkenweg"), E("Lessingstraße"),
	E("Mozartstraße"), E("Blumenstraße"), E("Eichenweg"),
	E("Wiesenstraße"), E("Tulpenweg"), E("Beethovenstraße"),
	E("Uhlandstraße"), E("Ahornweg"), E("Parkstraße"), E("Poststraße"),
	E("Talstraße"), E("Mittelstraße"), E("Kastanienweg"),
	E("Friedrichstraße"), E("Industriestraße"), E("Raiffeisenstraße"),
	E("Lerchenweg"), E("Marktplatz"), E("Am Markt"), E("Kirchweg"),
	E("Heinestraße"), E("Meisenweg"), E("Schloßstraße"), E("Gartenweg"),
	E("Kiefernweg"), E("Drosselweg"), E("Fliederweg"), E("Tannenweg"),
	E("Sonnenstraße"), E("Brunnenstraße"), E("Rathausstraße"),
	E("Bismarckstraße"), E("Kantstraße"), E("Marktstraße"),
	E("Schützenstraße"), E("Bachstraße"), E("Grabenstraße"),
	E("Wilhelmstraße"), E("Steinweg"), E("Auf dem Berg"), E("Am Anger"),
	E("Am Mühlbach"), E("Neue Straße"), E("Breite Straße"),
	E("Lange Straße"), E("Kurze Straße"), E("Hohe Straße"),
	E("Kirchplatz"), E("Mühlenstraße"), E("Friedensstraße"),
	E("Hermann-Löns-Straße"), E("Eichendorffstraße"), E("Weidenweg"),
	E("Erlenweg"), E("Ulmenweg"), E("Kapellenweg"), E("Burgstraße"),
	E("Hafenstraße"), E("Rheinstraße"), E("Bahnhofsplatz"),
	E("Königstraße"), E("Leipziger Straße"), E("Berliner Straße"),
	E("Hamburger Straße"), E("Münchner Straße"), E("Frankfurter Straße"),
	E("Am Lindenhof"), E("Zum Sonnenhang"),
};

static const struct dict_word de_city[] = {
	E("Berlin"), E("Hamburg"), E("München"), E("Köln"),
	E("Frankfurt am Main"), E("Stuttgart"), E("Düsseldorf"), E("Leipzig"),
	E("Dortmund"), E("Essen"), E("Bremen"), E("Dresden"), E("Hannover"),
	E("Nürnberg"), E("Duisburg"), E("Bochum"), E("Wuppertal"),
	E("Bielefeld"), E("Bonn"), E("Münster"), E("Mannheim"), E("Karlsruhe"),
	E("Augsburg"), E("Wiesbaden"), E("Mönchengladbach"),
	E("Gelsenkirchen"), E("Aachen"), E("Braunschweig"), E("Chemnitz"),
	E("Kiel"), E("Halle (Saale)"), E("Magdeburg"),
	E("Freiburg im Breisgau"), E("Krefeld"), E("Mainz"), E("Lübeck"),
	E("Erfurt"), E("Oberhausen"), E("Rostock"), E("Kassel"), E("Hagen"),
	E("Potsdam"), E("Saarbrücken"), E("Hamm"), E("Ludwigshafen am Rhein"),
	E("Mülheim an der Ruhr"), E("Oldenburg"), E("Osnabrück"),
	E("Leverkusen"), E("Darmstadt"), E("Heidelberg"), E("Solingen"),
	E("Herne"), E("Regensburg"), E("Neuss"), E("Paderborn"),
	E("Ingolstadt"), E("Offenbach am Main"), E("Würzburg"), E("Fürth"),
	E("Ulm"), E("Heilbronn"), E("Pforzheim"), E("Wolfsburg"),
	E("Göttingen"), E("Bottrop"), E("Reutlingen"), E("Erlangen"),
	E("Bremerhaven"), E("Koblenz"), E("Bergisch Gladbach"), E("Remscheid"),
	E("Trier"), E("Recklinghausen"), E("Jena"), E("Moers"),
	E("Salzgitter"), E("Siegen"), E("Gütersloh"), E("Hildesheim"),
	E("Hanau"), E("Kaiserslautern"), E("Cottbus"), E("Schwerin"),
	E("Witten"), E("Esslingen am Neckar"), E("Gera"), E("Iserlohn"),
	E("Ludwigsburg"), E("Zwickau"), E("Düren"), E("Flensburg"),
	E("Ratingen"), E("Tübingen"), E("Konstanz"), E("Worms"), E("Marburg"),
	E("Bamberg"), E("Bayreuth"), E("Passau"), E("Lüneburg"), E("Celle"),
	E("Weimar"), E("Görlitz"),
};

static const struct dict_word de_stem[] = {
	E("Nordlicht"), E("Alpen"), E("Rhein"), E("Elbe"), E("Sonnen"),
	E("Berg"), E("Tal"), E("Wald"), E("Linden"), E("Eichen"), E("Buchen"),
	E("Stern"), E("Adler"), E("Falken"), E("Löwen"), E("Hansa"), E("Isar"),
	E("Main"), E("Mosel"), E("Weser"), E("Spree"), E("Donau"), E("Neckar"),
	E("Harz"), E("Eifel"), E("Taunus"), E("Schwarzwald"), E("Allgäu"),
	E("Bodensee"), E("Ostsee"), E("Nordsee"), E("Brücken"), E("Burg"),
	E("Mühlen"), E("Kontor"), E("Markt"), E("Blitz"), E("Kristall"),
	E("Silber"), E("Gold"), E("Nordwind"), E("Südstern"), E("Westfalen"),
	E("Ostwind"), E("Heide"), E("Moor"), E("Quelle"), E("Fels"),
	E("Anker"), E("Kompass"), E("Turm"), E("Tor"), E("Hafen"),
	E("Brunnen"), E("Garten"), E("Feld"), E("Rosen"), E("Tannen"),
	E("Birken"), E("Ahorn"), E("Kranich"), E("Schwan"), E("Hirsch"),
	E("Bären"), E("Fuchs"),
};

static const struct dict_word de_trade[] = {
	E("Logistik"), E("Bau"), E("Software"), E("Handel"), E("Technik"),
	E("Beratung"), E("Versand"), E("Immobilien"), E("Maschinenbau"),
	E("Elektro"), E("Medien"), E("Energie"), E("Holding"), E("Systeme"),
	E("Dienstleistungen"), E("Werke"), E("Druck"), E("Metall"),
	E("Reisen"), E("Verlag"), E("Pharma"), E("Textil"), E("Automobile"),
	E("Feinkost"),
};

static const struct dict_word de_legal[] = {
	E("GmbH"), E("AG"), E("KG"), E("GmbH & Co. KG"), E("OHG"),
	E("UG (haftungsbeschränkt)"), E("e.K."),
};

static const struct dict_word de_country[] = {
	E("Deutschland"), E("Österreich"), E("Schweiz"), E("Frankreich"),
	E("Italien"), E("Spanien"), E("Portugal"), E("Niederlande"),
	E("Belgien"), E("Luxemburg"), E("Dänemark"), E("Schweden"),
	E("Norwegen"), E("Finnland"), E("Island"), E("Irland"),
	E("Vereinigtes Königreich"), E("Polen"), E("Tschechien"),
	E("Slowakei"), E("Ungarn"), E("Rumänien"), E("Bulgarien"),
	E("Griechenland"), E("Türkei"), E("Kroatien"), E("Slowenien"),
	E("Serbien"), E("Ukraine"), E("Estland"), E("Lettland"), E("Litauen"),
	E("Russland"), E("Vereinigte Staaten"), E("Kanada"), E("Mexiko"),
	E("Brasilien"), E("Argentinien"), E("Chile"), E("Kolumbien"),
	E("Peru"), E("Venezuela"), E("Kuba"), E("Jamaika"), E("China"),
	E("Japan"), E("Südkorea"), E("Indien"), E("Pakistan"), E("Indonesien"),
	E("Thailand"), E("Vietnam"), E("Philippinen"), E("Malaysia"),
	E("Singapur"), E("Australien"), E("Neuseeland"), E("Ägypten"),
	E("Marokko"), E("Tunesien"), E("Südafrika"), E("Nigeria"), E("Kenia"),
	E("Äthiopien"), E("Ghana"), E("Israel"), E("Saudi-Arabien"),
	E("Vereinigte Arabische Emirate"), E("Iran"), E("Irak"),
	E("Jordanien"), E("Libanon"), E("Zypern"), E("Malta"), E("Albanien"),
	E("Georgien"), E("Armenien"), E("Kasachstan"), E("Mongolei"),
};

static const struct dict_locale locales[] = {
	{ "en", LIST(en_first), LIST(en_last), LIST(en_street),
	    LIST(en_city), LIST(en_stem), LIST(en_trade), LIST(en_legal),
	    LIST(en_country), 0, 9999, 501, 99950, 5 },
	/* Deutsche Post PLZ: 01067 (Dresden) to 99998. */
	{ "de", LIST(de_first), LIST(de_last), LIST(de_street),
	    LIST(de_city), LIST(de_stem), LIST(de_trade), LIST(de_legal),
	    LIST(de_country), 1, 199, 1067, 99998, 5 }
};

const struct dict_list dict_ascii_first = LIST(en_first);
const struct dict_list dict_ascii_last = LIST(en_last);

const struct dict_locale *
dict_locale(const char *name)
{
	size_t i;

	if (name == NULL)
		return &locales[0];
	for (i = 0; i < sizeof(locales) / sizeof(locales[0]); i++)
		if (strcmp(locales[i].name, name) == 0)
			return &locales[i];
	return NULL;
}
