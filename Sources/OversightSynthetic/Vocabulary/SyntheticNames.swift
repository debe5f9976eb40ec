/// Fixed lists the synthetic people and places are drawn from. None of them is a real person: forenames
/// and surnames are combined at random, so any resemblance is a coincidence of common names.
enum SyntheticNames {
    static let girls = [
        "Amelia", "Olivia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya",
        "Willow", "Florence", "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte", "Evelyn", "Sienna", "Daisy",
        "Phoebe", "Sofia", "Alice", "Harper", "Ruby", "Matilda", "Maya", "Aisha", "Zara", "Amira", "Hannah",
        "Maryam", "Chloe", "Jessica", "Leah", "Millie", "Layla", "Erin", "Megan", "Holly", "Niamh", "Nadia",
    ]
    static let boys = [
        "Noah", "Oliver", "George", "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Archie", "Henry", "Theodore",
        "Freddie", "Jack", "Charlie", "Theo", "Alfie", "Jacob", "Thomas", "Finley", "Arlo", "William", "Lucas",
        "Roman", "Tommy", "Isaac", "Teddy", "Ibrahim", "Reggie", "Adam", "Joshua", "Max", "Ethan", "Mason",
        "Kai", "Logan", "Dylan", "Riley", "Tyler", "Kayden", "Callum", "Ryan", "Yusuf", "Omar", "Hamza", "Bilal",
    ]
    static let adults = [
        "Sarah", "Claire", "Rachel", "Emma", "Laura", "Helen", "Nicola", "Rebecca", "Joanne", "Samantha", "Priya",
        "Fatima", "Gemma", "Kelly", "Lisa", "David", "Paul", "Mark", "Andrew", "Richard", "James", "Daniel",
        "Michael", "Stephen", "Simon", "Gareth", "Tunde", "Kwame", "Sanjay", "Imran", "Marta", "Agnieszka",
        "Chiara", "Blessing", "Grace", "Abigail", "Natalie", "Kirsty", "Naomi", "Hayley",
    ]
    static let surnames = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel",
        "Khan", "Hussain", "Ali", "Ahmed", "Begum", "Singh", "Kaur", "Shah", "Lewis", "Harris", "Martin", "Cooper",
        "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James",
        "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell",
        "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox",
        "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson",
        "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ahmed", "Mensah", "Okafor", "Nowak",
        "Kowalski", "Popescu", "Rossi", "Silva", "Osei", "Adeyemi", "Nguyen", "Chen", "O'Brien", "Doherty",
    ]
    /// Area names for team names; invented localities rather than real towns.
    static let localities = ["North", "South", "East", "West", "Central", "Vale", "Chilterns", "Riverside"]

    /// Synthetic postcode districts; the "ZZ" area does not exist, so nothing can be geocoded by accident.
    static let postcodeDistricts = ["ZZ1", "ZZ2", "ZZ3", "ZZ4", "ZZ5", "ZZ6", "ZZ7", "ZZ8", "ZZ9", "ZZ10", "ZZ11", "ZZ12"]
    static let outOfAreaDistricts = ["ZY1", "ZY2", "ZY3", "ZX1", "ZX4", "ZW2"]
}
